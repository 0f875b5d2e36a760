package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.api.MeView;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Jurisdiction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/me}: who the token belongs to, so the dashboard offers only what the caller's role may do. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final RosterView roster;

    public MeResource(RosterView roster) {
        this.roster = roster;
    }

    @GET
    public MeView me(@Auth RibaoPrincipal caller) {
        Jurisdiction jurisdiction = jurisdictionOf(caller);
        return new MeView(caller.userId(), caller.displayName(), caller.role().name(), caller.unitId(),
                jurisdiction == null ? caller.jurisdictionId() : jurisdiction.getId(),
                jurisdiction == null ? null : jurisdiction.getName(),
                jurisdiction == null ? null : jurisdiction.getTimezone());
    }

    /** The caller's own jurisdiction; for a user the roster gives none, the only one there is. */
    private Jurisdiction jurisdictionOf(RibaoPrincipal caller) {
        return caller.jurisdictionId() == null ? roster.onlyJurisdiction()
                : roster.jurisdiction(caller.jurisdictionId());
    }
}
