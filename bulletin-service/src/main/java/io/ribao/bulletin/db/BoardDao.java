package io.ribao.bulletin.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The board: every unit expected on a day with its status (EXPECTED until the Streams app says otherwise). */
@RegisterRowMapper(BoardDao.UnitDayMapper.class)
public interface BoardDao {

    record UnitDay(String unitId, String jurisdictionId, String name, String kind, List<String> ancestorIds,
                   String state, Instant submittedAt, Instant signedAt, Integer revision) {
    }

    /**
     * Active units not suspended on the day (decision 422); the county itself is listed only if it has a status of
     * its own (it is the root of the tree, not usually a reporting unit).
     */
    @SqlQuery("""
            SELECT u.unit_id, u.jurisdiction_id, u.name, u.kind, u.ancestor_ids,
                   coalesce(s.state, 'EXPECTED') AS state,
                   s.submitted_at, s.signed_at, s.revision
            FROM units u
            LEFT JOIN unit_day_status s ON s.unit_id = u.unit_id AND s.day = :day
            WHERE u.active_from <= :day AND (u.active_to IS NULL OR u.active_to >= :day)
              AND NOT (u.suspended AND coalesce(u.suspended_from <= :day, true))
              AND (u.kind <> 'COUNTY' OR s.unit_id IS NOT NULL)
            ORDER BY u.kind, u.unit_id
            """)
    List<UnitDay> unitsOn(@Bind("day") LocalDate day);

    /** Every unit (no day), for visibility checks of the live board. */
    @SqlQuery("""
            SELECT unit_id, jurisdiction_id, name, kind, ancestor_ids, 'EXPECTED' AS state,
                   NULL::timestamptz AS submitted_at, NULL::timestamptz AS signed_at, NULL::int AS revision
            FROM units
            """)
    List<UnitDay> allUnits();

    @SqlQuery("SELECT unit_id FROM units WHERE :userId = ANY (supervisor_ids)")
    List<String> unitsSupervisedBy(@Bind("userId") String userId);

    final class UnitDayMapper implements RowMapper<UnitDay> {
        @Override
        public UnitDay map(ResultSet rs, StatementContext ctx) throws SQLException {
            int revision = rs.getInt("revision");
            Integer knownRevision = rs.wasNull() ? null : revision;
            return new UnitDay(rs.getString("unit_id"), rs.getString("jurisdiction_id"), rs.getString("name"),
                    rs.getString("kind"), Arrays.texts(rs, "ancestor_ids"), rs.getString("state"),
                    instant(rs, "submitted_at"), instant(rs, "signed_at"), knownRevision);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
