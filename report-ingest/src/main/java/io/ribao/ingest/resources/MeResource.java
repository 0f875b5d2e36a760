package io.ribao.ingest.resources;

import io.dropwizard.auth.Auth;
import io.ribao.ingest.api.MeView;
import io.ribao.ingest.core.ReportingDay;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** {@code /api/v1/me}: who the token belongs to, and what the web form needs to show for them. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {

    private final RosterView roster;
    private final Clock clock;

    public MeResource(RosterView roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    @GET
    public MeView me(@Auth RibaoPrincipal actor) {
        Unit unit = roster.unit(actor.unitId());
        Jurisdiction jurisdiction = roster.jurisdiction(actor.jurisdictionId());
        if (jurisdiction == null) {
            jurisdiction = roster.onlyJurisdiction();
        }
        User user = roster.user(actor.userId());
        List<String> delegateDates = user == null ? List.of()
                : user.getDelegateDates().stream().map(LocalDate::toString).toList();
        ReportingDay day = jurisdiction == null ? null : ReportingDay.of(jurisdiction);
        return new MeView(actor.userId(), actor.displayName(), actor.role().name(), actor.unitId(),
                unit == null ? null : unit.getName(), unit == null ? null : unit.getKind().name(),
                unit == null ? null : unit.getFormId(),
                jurisdiction == null ? null : jurisdiction.getId(), jurisdiction == null ? null : jurisdiction.getName(),
                jurisdiction == null ? null : jurisdiction.getTimezone(),
                day == null ? null : day.today(clock.instant()).toString(),
                jurisdiction == null ? null : jurisdiction.getSubmission(),
                jurisdiction == null ? null : jurisdiction.getBulletin(),
                day == null ? 0 : day.amendDays(), actor.role() == Role.PRINCIPAL, delegateDates);
    }
}
