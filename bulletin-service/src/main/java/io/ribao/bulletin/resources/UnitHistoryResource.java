package io.ribao.bulletin.resources;

import com.fasterxml.jackson.core.type.TypeReference;
import io.dropwizard.auth.Auth;
import io.ribao.bulletin.core.Instants;
import io.ribao.bulletin.core.Visibility;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.db.BoardDao;
import io.ribao.bulletin.db.FormMetricDao;
import io.ribao.bulletin.db.JsonColumns;
import io.ribao.bulletin.db.UnitHistoryDao;
import io.ribao.bulletin.workflow.LoweredMetrics;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.i18n.Text;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * A unit's history: its days (status, who signed, flags) and every revision of its reports, with the metrics a
 * revision lowered named as the roster names them; instants in the unit's jurisdiction's wall-clock time. Another
 * jurisdiction's unit is unknown here (decision 433).
 */
@Path("/api/v1/units/{unitId}/history")
@Produces(MediaType.APPLICATION_JSON)
public class UnitHistoryResource {

    private static final int DEFAULT_DAYS = 14;
    private static final int MAX_DAYS = 92;

    private final Jdbi jdbi;
    private final Zones zones;
    private final Clock clock;
    private final Function<String, Map<String, String>> knownMetricNames;

    /** @param knownMetricNames a jurisdiction's metric names for the codes no roster form names */
    public UnitHistoryResource(Jdbi jdbi, Zones zones, Clock clock,
                               Function<String, Map<String, String>> knownMetricNames) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.clock = clock;
        this.knownMetricNames = knownMetricNames;
    }

    @GET
    public Map<String, Object> history(@Auth RibaoPrincipal caller, @PathParam("unitId") String unitId,
                                       @QueryParam("days") String daysParam) {
        // taken as text: Jersey's own conversion would answer "abc" with a 404
        int days = Params.wholeNumber("days", daysParam, DEFAULT_DAYS, 1, MAX_DAYS);
        UnitHistoryDao dao = jdbi.onDemand(UnitHistoryDao.class);
        Visibility visibility = new Visibility(caller,
                jdbi.onDemand(BoardDao.class).unitsSupervisedBy(caller.userId()));
        UnitHistoryDao.UnitRef unit = dao.unit(unitId)
                .filter(u -> visibility.seesJurisdiction(u.jurisdictionId()))
                .orElseThrow(() -> ApiException.notFound(Text.of("没有单位“" + unitId + "”",
                        "no unit '" + unitId + "'")));
        if (!visibility.sees(unit.jurisdictionId(), unit.unitId(), unit.ancestorIds())) {
            throw ApiException.forbidden(Text.of("不是您负责的单位", "not one of your units"));
        }
        ZoneId zone = zones.of(unit.jurisdictionId());
        Map<String, String> rosterNames = jdbi.onDemand(FormMetricDao.class).names();
        Map<String, String> knownNames = knownMetricNames.apply(unit.jurisdictionId());
        LocalDate to = LocalDate.ofInstant(clock.instant(), zone).plusDays(1);
        LocalDate from = to.minusDays(days);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit.unitId());
        body.put("name", unit.name());
        body.put("days", dao.days(unitId, from, to).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", d.date().toString());
            m.put("status", d.status());
            m.put("zeroReport", d.zeroReport());
            m.put("signedAt", Instants.iso(d.signedAt(), zone));
            m.put("signedBy", d.signedBy());
            m.put("signer", d.signer());
            m.put("revision", d.revision());
            m.put("unsigned", d.unsigned());
            m.put("afterCutoff", d.afterCutoff());
            m.put("revisedAfterDeadline", d.revisedAfterDeadline());
            return m;
        }).toList());
        body.put("revisions", dao.revisions(unitId, from, to).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reportId", r.reportId());
            m.put("revision", r.revision());
            m.put("type", r.type());
            m.put("date", r.date().toString());
            m.put("submittedBy", r.submittedBy());
            m.put("submittedAt", Instants.iso(r.submittedAt(), zone));
            m.put("signedBy", r.signedBy());
            m.put("signedAt", Instants.iso(r.signedAt(), zone));
            m.put("signer", r.signer());
            m.put("lowered", LoweredMetrics.named(
                    JsonColumns.read(r.loweredJson(), new TypeReference<List<Map<String, Object>>>() { }),
                    rosterNames, knownNames));
            return m;
        }).toList());
        return body;
    }
}
