package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.api.MeView;
import io.ribao.bulletin.db.JurisdictionDao;
import io.ribao.kit.auth.RibaoPrincipal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/v1/me}: who the token belongs to, so the dashboard offers only what the caller's role may do. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Jdbi jdbi;

    public MeResource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @GET
    public MeView me(@Auth RibaoPrincipal caller) {
        Optional<JurisdictionDao.Jurisdiction> jurisdiction = jurisdictionOf(caller,
                jdbi.onDemand(JurisdictionDao.class).all());
        return new MeView(caller.userId(), caller.displayName(), caller.role().name(), caller.unitId(),
                jurisdiction.map(JurisdictionDao.Jurisdiction::jurisdictionId).orElse(caller.jurisdictionId()),
                jurisdiction.map(JurisdictionDao.Jurisdiction::name).orElse(null),
                jurisdiction.map(JurisdictionDao.Jurisdiction::timezone).orElse(null));
    }

    /** The caller's own jurisdiction; for a user the roster gives none, the only one there is. */
    private static Optional<JurisdictionDao.Jurisdiction> jurisdictionOf(RibaoPrincipal caller,
                                                                        List<JurisdictionDao.Jurisdiction> all) {
        if (caller.jurisdictionId() == null) {
            return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
        }
        return all.stream().filter(j -> j.jurisdictionId().equals(caller.jurisdictionId())).findFirst();
    }
}
