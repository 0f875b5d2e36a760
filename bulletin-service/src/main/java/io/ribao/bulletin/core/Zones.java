package io.ribao.bulletin.core;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wall-clock time zone of each jurisdiction (the roster's {@code timezone}), for the instants the API gives.
 * A jurisdiction not (yet) in the read model, or none named, gets the only jurisdiction's zone; with none or several
 * to choose from, UTC.
 */
public final class Zones {

    private final Map<String, ZoneId> byJurisdiction;

    private Zones(Map<String, ZoneId> byJurisdiction) {
        this.byJurisdiction = byJurisdiction;
    }

    /** From jurisdiction id → IANA zone name, as the read model holds them. */
    public static Zones from(Map<String, String> timezones) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        timezones.forEach((jurisdiction, zone) -> zones.put(jurisdiction, ZoneId.of(zone)));
        return new Zones(Map.copyOf(zones));
    }

    public ZoneId of(String jurisdictionId) {
        ZoneId zone = jurisdictionId == null ? null : byJurisdiction.get(jurisdictionId);
        if (zone != null) {
            return zone;
        }
        return byJurisdiction.size() == 1 ? byJurisdiction.values().iterator().next() : ZoneOffset.UTC;
    }
}
