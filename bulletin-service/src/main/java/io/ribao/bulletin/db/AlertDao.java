package io.ribao.bulletin.db;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Alerts as the API shows them, and their acknowledgement (the one column set the service itself writes). */
@RegisterRowMapper(AlertDao.AlertMapper.class)
public interface AlertDao {

    /**
     * @param recipients who the Streams app named plus everyone delivery has told (principal, supervisors, office,
     *                   escalation), in that order
     */
    record Alert(String alertId, String type, String severity, String jurisdictionId, String unitId,
                 List<String> unitAncestorIds, List<String> unitSupervisorIds, LocalDate day, String message,
                 Map<String, String> evidence, List<String> recipients, Instant raisedAt, Instant resolvedAt,
                 Instant acknowledgedAt, String acknowledgedBy) {
    }

    String SELECT = """
            SELECT a.*, coalesce(u.ancestor_ids, '{}') AS unit_ancestor_ids,
                   coalesce(u.supervisor_ids, '{}') AS unit_supervisor_ids,
                   coalesce((SELECT array_agg(n.recipient_id ORDER BY n.created_at, n.recipient_id)
                             FROM alert_notices n WHERE n.alert_id = a.alert_id AND n.round = 0), '{}') AS notified
            FROM alerts a LEFT JOIN units u ON u.unit_id = a.unit_id
            """;

    /**
     * The newest 5000 alerts matching the filters, within one jurisdiction (decision 433): narrowed here, before the
     * limit, so other jurisdictions' alerts never crowd a caller's out.
     *
     * @param jurisdictionId the caller's jurisdiction; null for every jurisdiction
     */
    @SqlQuery(SELECT + """
            WHERE (cast(:jurisdictionId AS text) IS NULL OR a.jurisdiction_id = cast(:jurisdictionId AS text))
              AND (cast(:day AS date) IS NULL OR a.day = cast(:day AS date))
              AND (cast(:type AS text) IS NULL OR a.type = cast(:type AS text))
              AND (cast(:unitId AS text) IS NULL OR a.unit_id = cast(:unitId AS text))
            ORDER BY a.raised_at DESC NULLS LAST, a.alert_id
            LIMIT 5000
            """)
    List<Alert> find(@Bind("day") LocalDate day, @Bind("type") String type, @Bind("unitId") String unitId,
                     @Bind("jurisdictionId") String jurisdictionId);

    @SqlQuery(SELECT + "WHERE a.alert_id = :alertId")
    Optional<Alert> byId(@Bind("alertId") String alertId);

    /** First acknowledgement wins; acknowledging again changes nothing. */
    @SqlUpdate("""
            UPDATE alerts SET acknowledged_at = :at, acknowledged_by = :by
            WHERE alert_id = :alertId AND acknowledged_at IS NULL
            """)
    int acknowledge(@Bind("alertId") String alertId, @Bind("by") String by, @Bind("at") Instant at);

    static List<String> union(List<String> first, List<String> second) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    final class AlertMapper implements RowMapper<Alert> {
        @Override
        public Alert map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Alert(rs.getString("alert_id"), rs.getString("type"), rs.getString("severity"),
                    rs.getString("jurisdiction_id"), rs.getString("unit_id"),
                    Arrays.texts(rs, "unit_ancestor_ids"), Arrays.texts(rs, "unit_supervisor_ids"),
                    rs.getObject("day", LocalDate.class), rs.getString("message"),
                    JsonColumns.read(rs.getString("evidence"), new TypeReference<Map<String, String>>() { }),
                    union(Arrays.texts(rs, "recipients"), Arrays.texts(rs, "notified")),
                    BoardDao.instant(rs, "raised_at"),
                    BoardDao.instant(rs, "resolved_at"), BoardDao.instant(rs, "acknowledged_at"),
                    rs.getString("acknowledged_by"));
        }
    }
}
