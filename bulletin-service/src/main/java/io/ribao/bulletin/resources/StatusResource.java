package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.api.DayStatus;
import io.ribao.bulletin.api.UnitStatus;
import io.ribao.bulletin.core.Instants;
import io.ribao.bulletin.core.Visibility;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.db.BoardDao;
import io.ribao.kit.auth.RibaoPrincipal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The board of one day: every unit the caller may see — within its own jurisdiction (decision 433) — with the counts
 * over them; instants in the caller's jurisdiction's wall-clock time.
 */
@Path("/api/v1/days/{date}/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final Jdbi jdbi;
    private final Zones zones;

    public StatusResource(Jdbi jdbi, Zones zones) {
        this.jdbi = jdbi;
        this.zones = zones;
    }

    @GET
    public DayStatus status(@Auth RibaoPrincipal caller, @PathParam("date") String dateParam) {
        LocalDate date = Params.requiredDate("date", dateParam);
        BoardDao board = jdbi.onDemand(BoardDao.class);
        Visibility visibility = new Visibility(caller, board.unitsSupervisedBy(caller.userId()));
        List<BoardDao.UnitDay> units = board.unitsOn(date).stream()
                .filter(u -> visibility.sees(u.jurisdictionId(), u.unitId(), u.ancestorIds()))
                .toList();
        ZoneId zone = zones.of(caller.jurisdictionId());
        return new DayStatus(date.toString(), units.size(), count(units, "ON_TIME"), count(units, "LATE"),
                count(units, "MISSING"), count(units, "PENDING_SIGNOFF"),
                units.stream().map(u -> new UnitStatus(u.unitId(), u.name(), u.state(),
                        Instants.iso(u.submittedAt(), zone), Instants.iso(u.signedAt(), zone), u.revision())).toList());
    }

    private static int count(List<BoardDao.UnitDay> units, String state) {
        return (int) units.stream().filter(u -> u.state().equals(state)).count();
    }
}
