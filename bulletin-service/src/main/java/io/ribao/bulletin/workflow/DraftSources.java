package io.ribao.bulletin.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ribao.bulletin.db.FormMetricDao;
import io.ribao.bulletin.document.DraftInputs.AlertEntry;
import io.ribao.bulletin.document.DraftInputs.FindingEntry;
import io.ribao.bulletin.document.DraftInputs.Issuer;
import io.ribao.bulletin.document.DraftInputs.UnitDay;
import io.ribao.bulletin.document.DraftInputs.UnitEntry;
import io.ribao.bulletin.document.DraftInputs;
import io.ribao.bulletin.document.Labels;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Reads one jurisdiction's day from the read models (tables) into the drafter's inputs. */
final class DraftSources {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> METRICS = new TypeReference<>() { };

    private final Labels labels;
    private final MetricNames metricNames;

    DraftSources(Labels labels, MetricNames metricNames) {
        this.labels = labels;
        this.metricNames = metricNames;
    }

    /** The day's inputs; {@code fromSnapshot} reads the statuses frozen at the bulletin deadline (day_closed). */
    DraftInputs read(Handle h, String jurisdictionId, LocalDate day, boolean fromSnapshot) {
        JurisdictionRow j = jurisdiction(h, jurisdictionId)
                .orElseThrow(() -> new UnknownJurisdiction(jurisdictionId));
        Issuer issuer = new Issuer(jurisdictionId, j.name(), j.office(), names(h, j.recipientIds()),
                j.upstreamJson() == null ? List.of() : List.of(labels.text("upstream.default")));
        return new DraftInputs(issuer, day, 1, units(h, jurisdictionId),
                fromSnapshot ? snapshot(h, jurisdictionId, day) : current(h, jurisdictionId, day),
                rootTotals(h, jurisdictionId, day), rootTotals(h, jurisdictionId, day.minusDays(1)),
                metricNames(h, jurisdictionId), alerts(h, jurisdictionId, day), findings(h, jurisdictionId, day),
                "", afterCutoff(h, jurisdictionId, day.minusDays(1)));
    }

    record JurisdictionRow(String name, String office, List<String> recipientIds, String upstreamJson) {
    }

    Optional<JurisdictionRow> jurisdiction(Handle h, String jurisdictionId) {
        return h.createQuery("""
                        SELECT name, office, bulletin_recipient_ids, upstream::text AS upstream
                        FROM jurisdictions WHERE jurisdiction_id = :j""")
                .bind("j", jurisdictionId)
                .map((rs, ctx) -> new JurisdictionRow(rs.getString("name"), rs.getString("office"),
                        strings(rs.getArray("bulletin_recipient_ids")), rs.getString("upstream")))
                .findOne();
    }

    /** The roster's names of the metrics, falling back on the given names for codes no form names. */
    private Map<String, String> metricNames(Handle h, String jurisdictionId) {
        return MetricNames.rosterFirst(formMetrics(h), metricNames.of(jurisdictionId));
    }

    /** The roster's forms' names of the metrics (decision 353). */
    private static Map<String, String> formMetrics(Handle h) {
        return h.attach(FormMetricDao.class).names();
    }

    private List<String> names(Handle h, List<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        Map<String, String> byId = new HashMap<>();
        h.createQuery("SELECT user_id, name FROM users WHERE user_id = ANY(:ids)")
                .bindArray("ids", String.class, userIds)
                .map((rs, ctx) -> Map.entry(rs.getString("user_id"), rs.getString("name")))
                .forEach(e -> byId.put(e.getKey(), e.getValue()));
        return userIds.stream().map(id -> byId.getOrDefault(id, id)).toList();
    }

    private static List<UnitEntry> units(Handle h, String jurisdictionId) {
        return h.createQuery("""
                        SELECT unit_id, name, kind, parent_id FROM units WHERE jurisdiction_id = :j
                        ORDER BY unit_id""")
                .bind("j", jurisdictionId)
                .map((rs, ctx) -> new UnitEntry(rs.getString("unit_id"), rs.getString("name"),
                        rs.getString("kind"), rs.getString("parent_id")))
                .list();
    }

    private static List<UnitDay> current(Handle h, String jurisdictionId, LocalDate day) {
        return h.createQuery("""
                        SELECT unit_id, state, zero_report, metrics::text AS metrics, signer, signed_by, unsigned,
                               after_cutoff
                        FROM unit_day_status WHERE jurisdiction_id = :j AND day = :d""")
                .bind("j", jurisdictionId).bind("d", day)
                .map((rs, ctx) -> new UnitDay(rs.getString("unit_id"), rs.getString("state"),
                        rs.getBoolean("zero_report"), metrics(rs.getString("metrics")), rs.getString("signer"),
                        rs.getString("signed_by"), rs.getBoolean("unsigned"), rs.getBoolean("after_cutoff")))
                .list();
    }

    /**
     * The day's reports that its bulletin did not have: signed after its cutoff, or — signed just before it but read
     * after the snapshot was taken (after an outage spanning the cutoff, many) — not reported in the day's snapshot.
     * They go into the next bulletin's addendum (decision 427).
     */
    private static List<UnitDay> afterCutoff(Handle h, String jurisdictionId, LocalDate day) {
        // a snapshot some of whose parts are missing would make their units look unreported: then only the flag counts
        List<UnitDay> snapshot = snapshotComplete(h, jurisdictionId, day) ? snapshot(h, jurisdictionId, day) : List.of();
        Set<String> inSnapshot = new HashSet<>();
        for (UnitDay unit : snapshot) {
            if (reported(unit)) {
                inSnapshot.add(unit.unitId());
            }
        }
        return current(h, jurisdictionId, day).stream()
                .filter(s -> reported(s) && (s.afterCutoff() || !snapshot.isEmpty() && !inSnapshot.contains(s.unitId())))
                .toList();
    }

    private static boolean snapshotComplete(Handle h, String jurisdictionId, LocalDate day) {
        return h.createQuery("""
                        SELECT count(*) FROM day_closed
                        WHERE jurisdiction_id = :j AND day = :d AND cardinality(parts_received) >= parts""")
                .bind("j", jurisdictionId).bind("d", day).mapTo(Integer.class).one() > 0;
    }

    private static boolean reported(UnitDay unit) {
        return "LATE".equals(unit.state()) || "ON_TIME".equals(unit.state());
    }

    private static List<UnitDay> snapshot(Handle h, String jurisdictionId, LocalDate day) {
        return h.createQuery("""
                        SELECT u ->> 'unitId' AS unit_id, u ->> 'state' AS state,
                               coalesce((u ->> 'zeroReport')::boolean, false) AS zero_report,
                               coalesce(u -> 'metrics', '{}'::jsonb)::text AS metrics,
                               u ->> 'signer' AS signer, u ->> 'signedBy' AS signed_by,
                               coalesce((u ->> 'unsigned')::boolean, false) AS unsigned,
                               coalesce((u ->> 'afterCutoff')::boolean, false) AS after_cutoff
                        FROM day_closed d, jsonb_array_elements(d.units) u
                        WHERE d.jurisdiction_id = :j AND d.day = :d""")
                .bind("j", jurisdictionId).bind("d", day)
                .map((rs, ctx) -> new UnitDay(rs.getString("unit_id"), rs.getString("state"),
                        rs.getBoolean("zero_report"), metrics(rs.getString("metrics")), rs.getString("signer"),
                        rs.getString("signed_by"), rs.getBoolean("unsigned"), rs.getBoolean("after_cutoff")))
                .list();
    }

    /** The roll-up of the tree's root: keyed by the jurisdiction id or by the root unit's id. */
    private static Map<String, Long> rootTotals(Handle h, String jurisdictionId, LocalDate day) {
        return h.createQuery("""
                        SELECT r.metrics::text FROM rollups r
                        WHERE r.day = :d AND r.jurisdiction_id = :j
                          AND (r.node_id = :j OR r.node_id IN
                               (SELECT unit_id FROM units WHERE jurisdiction_id = :j AND parent_id IS NULL))
                        ORDER BY (r.node_id = :j) DESC LIMIT 1""")
                .bind("j", jurisdictionId).bind("d", day)
                .mapTo(String.class).findOne()
                .map(DraftSources::metrics).orElse(Map.of());
    }

    private static List<AlertEntry> alerts(Handle h, String jurisdictionId, LocalDate day) {
        return h.createQuery("""
                        SELECT type, unit_id, message, resolved_at IS NOT NULL AS resolved FROM alerts
                        WHERE jurisdiction_id = :j AND day = :d AND type = 'CONCEALMENT_SUSPECTED'
                        ORDER BY unit_id, alert_id""")
                .bind("j", jurisdictionId).bind("d", day)
                .map((rs, ctx) -> new AlertEntry(rs.getString("type"), rs.getString("unit_id"),
                        rs.getString("message"), rs.getBoolean("resolved")))
                .list();
    }

    /** The day's findings, and earlier ones still not rectified (overdue when past their due date). */
    private static List<FindingEntry> findings(Handle h, String jurisdictionId, LocalDate day) {
        return h.createQuery("""
                        SELECT f.finding_id, f.unit_id, f.problem, f.due_date, f.rectification,
                               CASE WHEN f.status <> 'RECTIFIED' AND f.due_date < :d THEN 'OVERDUE'
                                    ELSE f.status END AS status
                        FROM findings f JOIN units u ON u.unit_id = f.unit_id
                        WHERE u.jurisdiction_id = :j AND f.day <= :d
                          AND (f.day = :d OR f.status <> 'RECTIFIED')
                        ORDER BY f.unit_id, f.finding_id""")
                .bind("j", jurisdictionId).bind("d", day)
                .map((rs, ctx) -> new FindingEntry(rs.getString("finding_id"), rs.getString("unit_id"),
                        rs.getString("problem"), rs.getObject("due_date", LocalDate.class),
                        rs.getString("status"), rs.getString("rectification")))
                .list();
    }

    private static Map<String, Long> metrics(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, METRICS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics in the read model are not a JSON object of numbers", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
