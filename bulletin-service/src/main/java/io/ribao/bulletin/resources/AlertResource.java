package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.api.AlertView;
import io.ribao.bulletin.core.Instants;
import io.ribao.bulletin.core.Visibility;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.db.AlertDao;
import io.ribao.bulletin.db.BoardDao;
import io.ribao.kit.audit.Audit;
import io.ribao.kit.audit.AuditRecords;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.http.Source;
import io.ribao.kit.i18n.Text;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.roster.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Alerts the caller may see, and their acknowledgement (audited, accepted or refused); another jurisdiction's alert
 * is answered as unknown (decision 433).
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final Jdbi jdbi;
    private final Zones zones;
    private final Clock clock;
    private final Audit audit;
    private final AuditRecords records;

    public AlertResource(Jdbi jdbi, Zones zones, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.clock = clock;
        this.audit = audit;
        this.records = new AuditRecords(clock);
    }

    @GET
    public List<AlertView> alerts(@Auth RibaoPrincipal caller, @QueryParam("date") String dateParam,
                                  @QueryParam("type") String typeParam, @QueryParam("unitId") String unitParam) {
        var date = Params.optionalDate("date", dateParam);
        String type = Params.optionalText("type", typeParam, 40);
        if (type != null && Arrays.stream(AlertType.values()).noneMatch(t -> t.name().equals(type))) {
            throw ApiException.invalid("type", Text.of("未知的预警类型“" + type + "”",
                    "unknown alert type '" + type + "'"));
        }
        String unitId = Params.optionalText("unitId", unitParam, 200);
        Visibility visibility = visibility(caller);
        return jdbi.onDemand(AlertDao.class).find(date, type, unitId, visibility.jurisdictionScope()).stream()
                // a recipient reads the alerts it was told of, within its jurisdiction like everyone else
                .filter(a -> visibility.seesJurisdiction(a.jurisdictionId()))
                .filter(a -> a.recipients().contains(caller.userId())
                        || visibility.sees(a.jurisdictionId(), a.unitId(), a.unitAncestorIds()))
                .map(a -> view(a, zones.of(a.jurisdictionId())))
                .toList();
    }

    /**
     * A recipient, a supervisor of the unit, or the command office may acknowledge; the first one counts. Nobody
     * acknowledges an alert about their own unit (decision 430): the acknowledgement silences every other recipient
     * and stops escalation, so the unit under suspicion would silence those who watch it. Another jurisdiction's
     * alert is unknown here: 404, nothing written, not audited (decision 433).
     */
    @POST
    @Path("/{alertId}/ack")
    public AlertView acknowledge(@Auth RibaoPrincipal caller, @PathParam("alertId") String alertId,
                                 @Source String source) {
        AlertDao dao = jdbi.onDemand(AlertDao.class);
        ApiException unknown = ApiException.notFound(Text.of("没有预警“" + alertId + "”", "no alert '" + alertId + "'"));
        AlertDao.Alert alert = dao.byId(alertId).orElseThrow(() -> unknown);
        if (!visibility(caller).seesJurisdiction(alert.jurisdictionId())) {
            // answered as unknown, and the attempt is on record (decision 435)
            audit.record(records.of(caller, "ALERT_ACK", alertId, AuditRecords.REFUSED, source,
                    Map.of("reason", "another jurisdiction's alert")));
            throw unknown;
        }
        if (caller.belongsTo(alert.unitId())) {
            audit.record(records.of(caller, "ALERT_ACK", alertId, AuditRecords.REFUSED, source,
                    Map.of("reason", "the alert is about the caller's own unit")));
            throw ApiException.forbidden(Text.of("不能签收关于本单位的预警，须由该单位的主管领导、上级单位或指挥部办公室签收",
                    "an alert about your own unit cannot be acknowledged by you: a supervisor of the unit, the level "
                            + "above or the office acknowledges it"));
        }
        boolean allowed = caller.role() == Role.OFFICE || alert.recipients().contains(caller.userId())
                || alert.unitSupervisorIds().contains(caller.userId());
        if (!allowed) {
            audit.record(records.of(caller, "ALERT_ACK", alertId, AuditRecords.REFUSED, source,
                    Map.of("reason", "not a recipient, supervisor of the unit, or the office")));
            throw ApiException.forbidden(Text.of("只有预警接收人、该单位的主管领导或指挥部办公室可以签收此预警",
                    "only a recipient, a supervisor of the unit or the office may acknowledge this alert"));
        }
        int changed = dao.acknowledge(alertId, caller.userId(), clock.instant());
        audit.record(records.of(caller, "ALERT_ACK", alertId, AuditRecords.ACCEPTED, source,
                Map.of("first", String.valueOf(changed == 1))));
        AlertDao.Alert acknowledged = dao.byId(alertId).orElseThrow();
        return view(acknowledged, zones.of(acknowledged.jurisdictionId()));
    }

    private Visibility visibility(RibaoPrincipal caller) {
        return new Visibility(caller, jdbi.onDemand(BoardDao.class).unitsSupervisedBy(caller.userId()));
    }

    /** The alert with its instants in its jurisdiction's wall-clock time. */
    static AlertView view(AlertDao.Alert a, ZoneId zone) {
        return new AlertView(a.alertId(), a.type(), a.unitId(), a.day().toString(), a.severity(),
                Instants.iso(a.raisedAt(), zone), a.message(), a.evidence(), a.recipients(),
                Instants.iso(a.acknowledgedAt(), zone), Instants.iso(a.resolvedAt(), zone));
    }
}
