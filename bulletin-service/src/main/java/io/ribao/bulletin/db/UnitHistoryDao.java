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
import org.jdbi.v3.sqlobject.config.RegisterRowMappers;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** One unit's recent days and every revision of its reports (who submitted, who signed, what was lowered). */
@RegisterRowMappers({
        @RegisterRowMapper(UnitHistoryDao.DayMapper.class),
        @RegisterRowMapper(UnitHistoryDao.RevisionMapper.class),
        @RegisterRowMapper(UnitHistoryDao.UnitMapper.class)})
public interface UnitHistoryDao {

    record UnitRef(String unitId, String name, String jurisdictionId, List<String> ancestorIds) {
    }

    record Day(LocalDate date, String status, boolean zeroReport, Instant signedAt, String signedBy, String signer,
               int revision, boolean unsigned, boolean afterCutoff, boolean revisedAfterDeadline) {
    }

    record Revision(String reportId, int revision, String type, LocalDate date, String submittedBy,
                    Instant submittedAt, String signedBy, Instant signedAt, String signer, String loweredJson) {
    }

    @SqlQuery("SELECT unit_id, name, jurisdiction_id, ancestor_ids FROM units WHERE unit_id = :unitId")
    Optional<UnitRef> unit(@Bind("unitId") String unitId);

    @SqlQuery("""
            SELECT day, state, zero_report, signed_at, signed_by, signer, revision, unsigned, after_cutoff,
                   revised_after_deadline
            FROM unit_day_status WHERE unit_id = :unitId AND day BETWEEN :from AND :to ORDER BY day DESC
            """)
    List<Day> days(@Bind("unitId") String unitId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery("""
            SELECT report_id, revision, event_type, day, submitted_by, submitted_at, signed_by, signed_at, signer,
                   lowered::text AS lowered
            FROM report_revisions WHERE unit_id = :unitId AND day BETWEEN :from AND :to
            ORDER BY day DESC, revision DESC, event_type DESC
            """)
    List<Revision> revisions(@Bind("unitId") String unitId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    final class UnitMapper implements RowMapper<UnitRef> {
        @Override
        public UnitRef map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new UnitRef(rs.getString("unit_id"), rs.getString("name"), rs.getString("jurisdiction_id"),
                    Arrays.texts(rs, "ancestor_ids"));
        }
    }

    final class DayMapper implements RowMapper<Day> {
        @Override
        public Day map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Day(rs.getObject("day", LocalDate.class), rs.getString("state"), rs.getBoolean("zero_report"),
                    BoardDao.instant(rs, "signed_at"), rs.getString("signed_by"), rs.getString("signer"),
                    rs.getInt("revision"), rs.getBoolean("unsigned"), rs.getBoolean("after_cutoff"),
                    rs.getBoolean("revised_after_deadline"));
        }
    }

    final class RevisionMapper implements RowMapper<Revision> {
        @Override
        public Revision map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Revision(rs.getString("report_id"), rs.getInt("revision"), rs.getString("event_type"),
                    rs.getObject("day", LocalDate.class), rs.getString("submitted_by"),
                    BoardDao.instant(rs, "submitted_at"), rs.getString("signed_by"), BoardDao.instant(rs, "signed_at"),
                    rs.getString("signer"), rs.getString("lowered"));
        }
    }
}
