package io.ribao.bulletin.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Supervision findings (督查发现问题) and their rectification (整改). */
@RegisterRowMapper(FindingDao.FindingMapper.class)
public interface FindingDao {

    /**
     * @param jurisdictionId the inspected unit's jurisdiction, or the reporting team's when the unit has left the
     *                       roster; null when neither is in it
     */
    record Finding(String findingId, String jurisdictionId, String reportedByUnitId, String unitId,
                   List<String> unitAncestorIds, List<String> unitSupervisorIds, LocalDate day, String problem,
                   LocalDate dueDate, String status, String rectification, Instant rectifiedAt) {
    }

    String SELECT = """
            SELECT f.*, coalesce(u.jurisdiction_id, r.jurisdiction_id) AS jurisdiction_id,
                   coalesce(u.ancestor_ids, '{}') AS unit_ancestor_ids,
                   coalesce(u.supervisor_ids, '{}') AS unit_supervisor_ids
            FROM findings f
            LEFT JOIN units u ON u.unit_id = f.unit_id
            LEFT JOIN units r ON r.unit_id = f.reported_by_unit_id
            """;

    /**
     * The first 5000 findings by due date, within one jurisdiction (decision 433), narrowed before the limit.
     *
     * @param jurisdictionId the caller's jurisdiction; null for every jurisdiction
     */
    @SqlQuery(SELECT + """
            WHERE (cast(:jurisdictionId AS text) IS NULL
                   OR coalesce(u.jurisdiction_id, r.jurisdiction_id) = cast(:jurisdictionId AS text))
              AND (cast(:status AS text) IS NULL OR f.status = cast(:status AS text))
            ORDER BY f.due_date NULLS LAST, f.finding_id LIMIT 5000
            """)
    List<Finding> find(@Bind("status") String status, @Bind("jurisdictionId") String jurisdictionId);

    @SqlQuery(SELECT + "WHERE f.finding_id = :findingId")
    Optional<Finding> byId(@Bind("findingId") String findingId);

    @SqlUpdate("""
            UPDATE findings SET status = 'RECTIFIED', rectification = :text, rectified_at = :at
            WHERE finding_id = :findingId AND status <> 'RECTIFIED'
            """)
    int rectify(@Bind("findingId") String findingId, @Bind("text") String text, @Bind("at") Instant at);

    final class FindingMapper implements RowMapper<Finding> {
        @Override
        public Finding map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Finding(rs.getString("finding_id"), rs.getString("jurisdiction_id"),
                    rs.getString("reported_by_unit_id"), rs.getString("unit_id"),
                    Arrays.texts(rs, "unit_ancestor_ids"), Arrays.texts(rs, "unit_supervisor_ids"),
                    rs.getObject("day", LocalDate.class),
                    rs.getString("problem"), rs.getObject("due_date", LocalDate.class), rs.getString("status"),
                    rs.getString("rectification"), BoardDao.instant(rs, "rectified_at"));
        }
    }
}
