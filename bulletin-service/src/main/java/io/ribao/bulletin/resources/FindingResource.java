package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.api.FindingView;
import io.ribao.bulletin.api.Rectification;
import io.ribao.bulletin.core.Instants;
import io.ribao.bulletin.core.Visibility;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.db.BoardDao;
import io.ribao.bulletin.db.FindingDao;
import io.ribao.kit.audit.Audit;
import io.ribao.kit.audit.AuditRecords;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.http.Source;
import io.ribao.kit.i18n.Text;
import io.ribao.schemas.roster.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Supervision findings and their rectification (督查发现问题及整改): the inspected unit (its principal or clerk), a
 * supervisor of the unit or the office records what was done; the bulletin's section 四 shows it. Another
 * jurisdiction's finding is answered as unknown (decision 433).
 */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    static final int MAX_TEXT = 2000;
    private static final Set<String> STATUSES = Set.of("OPEN", "RECTIFIED");

    private final Jdbi jdbi;
    private final Zones zones;
    private final Clock clock;
    private final Audit audit;

    public FindingResource(Jdbi jdbi, Zones zones, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.clock = clock;
        this.audit = audit;
    }

    @GET
    public List<FindingView> findings(@Auth RibaoPrincipal caller, @QueryParam("status") String statusParam) {
        String status = Params.optionalText("status", statusParam, 20);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid("status", Text.of("须为 OPEN（未整改）或 RECTIFIED（已整改）",
                    "must be OPEN or RECTIFIED"));
        }
        Visibility visibility = visibility(caller);
        ZoneId zone = zoneOf(caller);
        return jdbi.onDemand(FindingDao.class).find(status, visibility.jurisdictionScope()).stream()
                .filter(f -> visibility.sees(f.jurisdictionId(), f.unitId(), f.unitAncestorIds()))
                .map(f -> view(f, zone))
                .toList();
    }

    @POST
    @Path("/{findingId}/rectification")
    @Consumes(MediaType.APPLICATION_JSON)
    public FindingView rectify(@Auth RibaoPrincipal caller, @PathParam("findingId") String findingId,
                               Rectification body, @Source String source) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw ApiException.invalid("text", Params.REQUIRED);
        }
        Params.storable("text", body.text(), MAX_TEXT);
        FindingDao dao = jdbi.onDemand(FindingDao.class);
        ApiException unknown = ApiException.notFound(Text.of("没有督查问题“" + findingId + "”",
                "no finding '" + findingId + "'"));
        FindingDao.Finding finding = dao.byId(findingId).orElseThrow(() -> unknown);
        AuditRecords records = new AuditRecords(clock);
        if (!visibility(caller).seesJurisdiction(finding.jurisdictionId())) {
            // answered as unknown, and the attempt is on record (decision 435)
            audit.record(records.of(caller, "FINDING_RECTIFY", findingId, AuditRecords.REFUSED, source,
                    Map.of("reason", "another jurisdiction's finding")));
            throw unknown;
        }
        boolean allowed = caller.role() == Role.OFFICE || caller.belongsTo(finding.unitId())
                || finding.unitSupervisorIds().contains(caller.userId());
        if (!allowed) {
            audit.record(records.of(caller, "FINDING_RECTIFY", findingId, AuditRecords.REFUSED, source,
                    Map.of("reason", "not the unit, a supervisor of it, or the office")));
            throw ApiException.forbidden(Text.of("只有被督查单位、其主管领导或指挥部办公室可以登记整改",
                    "only the inspected unit, its supervisor or the office may record this"));
        }
        if (dao.rectify(findingId, body.text(), clock.instant()) == 0) {
            throw ApiException.conflict("ALREADY_RECTIFIED", Text.of("督查问题“" + findingId + "”已整改",
                    "finding '" + findingId + "' is already rectified"));
        }
        audit.record(records.of(caller, "FINDING_RECTIFY", findingId, AuditRecords.ACCEPTED, source,
                Map.of("length", String.valueOf(body.text().length()))));
        return view(dao.byId(findingId).orElseThrow(), zoneOf(caller));
    }

    private Visibility visibility(RibaoPrincipal caller) {
        return new Visibility(caller, jdbi.onDemand(BoardDao.class).unitsSupervisedBy(caller.userId()));
    }

    /** Findings' instants are told in the caller's jurisdiction's wall-clock time. */
    private ZoneId zoneOf(RibaoPrincipal caller) {
        return zones.of(caller.jurisdictionId());
    }

    static FindingView view(FindingDao.Finding f, ZoneId zone) {
        return new FindingView(f.findingId(), f.reportedByUnitId(), f.unitId(), f.day().toString(), f.problem(),
                f.dueDate() == null ? null : f.dueDate().toString(), f.status(), f.rectification(),
                Instants.iso(f.rectifiedAt(), zone));
    }
}
