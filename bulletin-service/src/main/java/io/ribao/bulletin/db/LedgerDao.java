package io.ribao.bulletin.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The accountability ledger (问责台账): per unit and its principal, over a period, the days late (迟报), still
 * missing (漏报), unsigned by the deadline, and the concealment (瞒报) alerts raised.
 */
@RegisterRowMapper(LedgerDao.EntryMapper.class)
public interface LedgerDao {

    record Entry(String unitId, String jurisdictionId, String name, List<String> ancestorIds, String principalId,
                 String principal, long late, long missing, long unsigned, long concealmentSuspected) {
    }

    @SqlQuery("""
            SELECT u.unit_id, u.jurisdiction_id, u.name, u.ancestor_ids, u.principal_id, p.name AS principal,
                   count(s.unit_id) FILTER (WHERE s.state = 'LATE') AS late,
                   count(s.unit_id) FILTER (WHERE s.state = 'MISSING') AS missing,
                   (SELECT count(DISTINCT d.day) FROM (
                        SELECT s2.day FROM unit_day_status s2
                        WHERE s2.unit_id = u.unit_id AND s2.unsigned AND s2.day BETWEEN :from AND :to
                        UNION
                        SELECT a.day FROM alerts a
                        WHERE a.unit_id = u.unit_id AND a.type = 'UNSIGNED' AND a.day BETWEEN :from AND :to) d
                   ) AS unsigned,
                   (SELECT count(*) FROM alerts a
                    WHERE a.unit_id = u.unit_id AND a.type = 'CONCEALMENT_SUSPECTED'
                      AND a.day BETWEEN :from AND :to) AS concealment_suspected
            FROM units u
            LEFT JOIN users p ON p.user_id = u.principal_id
            LEFT JOIN unit_day_status s ON s.unit_id = u.unit_id AND s.day BETWEEN :from AND :to
            WHERE u.kind <> 'COUNTY'
            GROUP BY u.unit_id, u.jurisdiction_id, u.name, u.ancestor_ids, u.principal_id, p.name
            ORDER BY u.unit_id
            """)
    List<Entry> ledger(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    final class EntryMapper implements RowMapper<Entry> {
        @Override
        public Entry map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Entry(rs.getString("unit_id"), rs.getString("jurisdiction_id"), rs.getString("name"),
                    Arrays.texts(rs, "ancestor_ids"), rs.getString("principal_id"), rs.getString("principal"),
                    rs.getLong("late"), rs.getLong("missing"), rs.getLong("unsigned"),
                    rs.getLong("concealment_suspected"));
        }
    }
}
