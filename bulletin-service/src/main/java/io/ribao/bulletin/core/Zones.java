package io.ribao.bulletin.core;

import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Jurisdiction;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The wall-clock time zone of each jurisdiction (the roster's {@code timezone}), for the instants the API gives,
 * read from the service's live {@link RosterView}. A jurisdiction not (yet) in the roster, or none named, gets the
 * roster's only jurisdiction's zone ({@link RosterView#onlyJurisdiction}); with none or several to choose from, UTC.
 */
public final class Zones {

    private final RosterView roster;

    public Zones(RosterView roster) {
        this.roster = roster;
    }

    public ZoneId of(String jurisdictionId) {
        Jurisdiction jurisdiction = roster.jurisdiction(jurisdictionId);
        if (jurisdiction == null) {
            jurisdiction = roster.onlyJurisdiction();
        }
        return jurisdiction == null ? ZoneOffset.UTC : ZoneId.of(jurisdiction.getTimezone());
    }
}
