package io.ribao.bulletin.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMappers;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Notices, outbox, attempts and inbox. */
@RegisterRowMappers({
        @RegisterRowMapper(DeliveryDao.UnitPeopleMapper.class),
        @RegisterRowMapper(DeliveryDao.DueNoticeMapper.class),
        @RegisterRowMapper(DeliveryDao.OutboxMapper.class)})
public interface DeliveryDao {

    record UnitPeopleRow(String unitId, String parentId, String principalId, List<String> supervisorIds,
                         boolean suspended) {
        AlertRouting.UnitPeople people() {
            return new AlertRouting.UnitPeople(principalId, supervisorIds);
        }
    }

    /**
     * A notice due now, with what its digest needs and whether it must still go out. The deadlines are the alert's
     * jurisdiction's, as its roster gives them ({@code HH:mm} or {@code HH:mm:ss}; null when not known).
     */
    record DueNotice(String alertId, String recipientId, int round, String reason, String digestKey,
                     String type, String severity, String unitId, String unitName, LocalDate day, String message,
                     boolean stillOpen, String submissionTime, String bulletinTime) {
    }

    record OutboxRow(long id, String messageKey, String kind, String recipientId, String channelJson,
                     String title, String body, String payloadJson, int attempts) {
    }

    record NewMessage(String messageKey, String kind, String recipientId, String channelJson, String title,
                      String body, String payloadJson, Instant now) {
    }

    @SqlQuery("""
            SELECT unit_id, parent_id, principal_id, supervisor_ids,
                   suspended AND coalesce(suspended_from <= :day, true) AS suspended
            FROM units WHERE unit_id = :unitId
            """)
    Optional<UnitPeopleRow> unitPeople(@Bind("unitId") String unitId, @Bind("day") LocalDate day);

    @SqlQuery("SELECT unnest(office_user_ids) FROM jurisdictions WHERE jurisdiction_id = :id")
    List<String> officeUserIds(@Bind("id") String jurisdictionId);

    @SqlUpdate("""
            INSERT INTO alert_notices (alert_id, recipient_id, round, reason, due_at, digest_key, created_at)
            VALUES (:alertId, :recipientId, :round, :reason, :dueAt, :digestKey, :now)
            ON CONFLICT (alert_id, recipient_id, round) DO NOTHING
            """)
    int planNotice(@Bind("alertId") String alertId, @Bind("recipientId") String recipientId,
                   @Bind("round") int round, @Bind("reason") String reason, @Bind("dueAt") Instant dueAt,
                   @Bind("digestKey") String digestKey, @Bind("now") Instant now);

    /**
     * Open alerts nobody acknowledged within the delay after their first notice went out, whose unit has a parent to
     * escalate to. The delay counts from the first notice, not from the raise: after an outage the first notice and
     * the escalation are not sent together. An alert whose first notices are still to go out waits for them; one
     * that had nobody to tell at first counts from its raise.
     */
    @SqlQuery("""
            SELECT a.alert_id, a.type, a.day, p.unit_id, p.parent_id, p.principal_id, p.supervisor_ids,
                   p.suspended AND coalesce(p.suspended_from <= a.day, true) AS suspended
            FROM alerts a
            JOIN units u ON u.unit_id = a.unit_id
                AND NOT (u.suspended AND coalesce(u.suspended_from <= a.day, true))
            JOIN units p ON p.unit_id = u.parent_id
            WHERE a.resolved_at IS NULL AND a.acknowledged_at IS NULL AND a.raised_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM alert_notices n WHERE n.alert_id = a.alert_id AND n.reason = 'ESCALATION')
              AND NOT EXISTS (SELECT 1 FROM alert_notices n
                              WHERE n.alert_id = a.alert_id AND n.round = 0 AND n.state = 'PENDING')
              AND coalesce((SELECT min(n.due_at) FROM alert_notices n
                            WHERE n.alert_id = a.alert_id AND n.round = 0 AND n.state = 'QUEUED'),
                           a.raised_at) <= :toldBefore
            """)
    @RegisterRowMapper(EscalationMapper.class)
    List<Escalation> dueEscalations(@Bind("toldBefore") Instant toldBefore);

    record Escalation(String alertId, String type, LocalDate day, UnitPeopleRow parent) {
    }

    /**
     * The repeat round due now for every open, unacknowledged alert: one new notice per first-round recipient,
     * only for the latest round (missed rounds during an outage are not sent in a burst). Rounds count from when the
     * alert's first notice went out, not from its raise; a recipient told after a round fell due (an escalation
     * sent late) is reminded from the next round on, not seconds after being told.
     */
    @SqlUpdate("""
            WITH told AS (
                SELECT n.alert_id, n.recipient_id, n.digest_key, n.due_at AS told_at,
                       min(n.due_at) OVER (PARTITION BY n.alert_id) AS first_told_at
                FROM alert_notices n
                JOIN alerts a ON a.alert_id = n.alert_id
                WHERE n.round = 0 AND n.state = 'QUEUED'
                  AND a.resolved_at IS NULL AND a.acknowledged_at IS NULL
            ), due AS (
                SELECT alert_id, recipient_id, digest_key, told_at, first_told_at,
                       floor(extract(epoch FROM (cast(:now AS timestamptz) - first_told_at))
                             / :intervalSeconds)::int AS round
                FROM told
            )
            INSERT INTO alert_notices (alert_id, recipient_id, round, reason, due_at, digest_key, created_at)
            SELECT alert_id, recipient_id, round, 'REPEAT', :now, digest_key, :now
            FROM due
            WHERE round >= 1
              AND told_at <= first_told_at + make_interval(secs => round * :intervalSeconds)
            ON CONFLICT (alert_id, recipient_id, round) DO NOTHING
            """)
    int planRepeats(@Bind("now") Instant now, @Bind("intervalSeconds") long intervalSeconds);

    @SqlQuery("""
            SELECT n.alert_id, n.recipient_id, n.round, n.reason, n.digest_key, a.type, a.severity, a.unit_id,
                   coalesce(u.name, a.unit_id) AS unit_name, a.day, a.message,
                   (a.resolved_at IS NULL AND (a.acknowledged_at IS NULL)
                    AND NOT coalesce(u.suspended AND coalesce(u.suspended_from <= a.day, true), false)) AS still_open,
                   j.raw ->> 'submission' AS submission_time, j.raw ->> 'bulletin' AS bulletin_time
            FROM alert_notices n
            JOIN alerts a ON a.alert_id = n.alert_id
            LEFT JOIN units u ON u.unit_id = a.unit_id
            LEFT JOIN jurisdictions j ON j.jurisdiction_id = a.jurisdiction_id
            WHERE n.state = 'PENDING' AND n.due_at <= :now
            ORDER BY n.digest_key, a.unit_id, n.alert_id
            LIMIT 10000
            FOR UPDATE OF n SKIP LOCKED
            """)
    List<DueNotice> dueNotices(@Bind("now") Instant now);

    /**
     * The notice went into the outbox now: once queued, {@code due_at} is when it went out, which escalation and
     * repeats count from. It differs from the planned time only after a lag (the planner dates a notice from the
     * alert's own instant).
     */
    @SqlUpdate("""
            UPDATE alert_notices SET state = 'QUEUED', outbox_key = :outboxKey, due_at = :now
            WHERE alert_id = :alertId AND recipient_id = :recipientId AND round = :round
            """)
    void queueNotice(@Bind("alertId") String alertId, @Bind("recipientId") String recipientId,
                     @Bind("round") int round, @Bind("outboxKey") String outboxKey, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE alert_notices SET state = 'SUPPRESSED'
            WHERE alert_id = :alertId AND recipient_id = :recipientId AND round = :round
            """)
    void suppressNotice(@Bind("alertId") String alertId, @Bind("recipientId") String recipientId,
                        @Bind("round") int round);

    @SqlQuery("SELECT channels::text FROM users WHERE user_id = :userId")
    Optional<String> channelsOf(@Bind("userId") String userId);

    @SqlUpdate("""
            INSERT INTO outbox (message_key, kind, recipient_id, channel, title, body, payload, next_attempt_at,
                                created_at)
            VALUES (:messageKey, :kind, :recipientId, cast(:channelJson as jsonb), :title, :body,
                    cast(:payloadJson as jsonb), :now, :now)
            ON CONFLICT (message_key) DO NOTHING
            """)
    int enqueue(@BindMethods NewMessage message);

    /**
     * Claims one due message, in-app or for another channel; the row stays locked while it is sent, so no other
     * replica sends it too.
     */
    @SqlQuery("""
            SELECT id, message_key, kind, recipient_id, channel::text AS channel, title, body,
                   payload::text AS payload, attempts
            FROM outbox WHERE state = 'PENDING' AND next_attempt_at <= :now
              AND (channel ->> 'type' = 'inapp') = :inApp
            ORDER BY next_attempt_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """)
    Optional<OutboxRow> claimDue(@Bind("now") Instant now, @Bind("inApp") boolean inApp);

    @SqlUpdate("""
            INSERT INTO delivery_attempts (outbox_id, attempt, at, succeeded, detail)
            VALUES (:outboxId, :attempt, :at, :succeeded, :detail)
            """)
    void recordAttempt(@Bind("outboxId") long outboxId, @Bind("attempt") int attempt, @Bind("at") Instant at,
                       @Bind("succeeded") boolean succeeded, @Bind("detail") String detail);

    @SqlUpdate("UPDATE outbox SET state = 'SENT', attempts = :attempts, sent_at = :at, last_error = NULL "
            + "WHERE id = :id")
    void markSent(@Bind("id") long id, @Bind("attempts") int attempts, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE outbox SET state = :state, attempts = :attempts, next_attempt_at = :next, last_error = :error
            WHERE id = :id
            """)
    void markFailed(@Bind("id") long id, @Bind("state") String state, @Bind("attempts") int attempts,
                    @Bind("next") Instant next, @Bind("error") String error);

    @SqlUpdate("""
            INSERT INTO inbox (outbox_id, recipient_id, title, body, created_at)
            VALUES (:outboxId, :recipientId, :title, :body, :at)
            ON CONFLICT (outbox_id) DO NOTHING
            """)
    void deliverToInbox(@Bind("outboxId") long outboxId, @Bind("recipientId") String recipientId,
                        @Bind("title") String title, @Bind("body") String body, @Bind("at") Instant at);

    final class UnitPeopleMapper implements RowMapper<UnitPeopleRow> {
        @Override
        public UnitPeopleRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new UnitPeopleRow(rs.getString("unit_id"), rs.getString("parent_id"),
                    rs.getString("principal_id"), texts(rs, "supervisor_ids"), rs.getBoolean("suspended"));
        }
    }

    final class EscalationMapper implements RowMapper<Escalation> {
        @Override
        public Escalation map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Escalation(rs.getString("alert_id"), rs.getString("type"),
                    rs.getObject("day", LocalDate.class), new UnitPeopleMapper().map(rs, ctx));
        }
    }

    final class DueNoticeMapper implements RowMapper<DueNotice> {
        @Override
        public DueNotice map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DueNotice(rs.getString("alert_id"), rs.getString("recipient_id"), rs.getInt("round"),
                    rs.getString("reason"), rs.getString("digest_key"), rs.getString("type"),
                    rs.getString("severity"), rs.getString("unit_id"), rs.getString("unit_name"),
                    rs.getObject("day", LocalDate.class), rs.getString("message"), rs.getBoolean("still_open"),
                    rs.getString("submission_time"), rs.getString("bulletin_time"));
        }
    }

    final class OutboxMapper implements RowMapper<OutboxRow> {
        @Override
        public OutboxRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new OutboxRow(rs.getLong("id"), rs.getString("message_key"), rs.getString("kind"),
                    rs.getString("recipient_id"), rs.getString("channel"), rs.getString("title"),
                    rs.getString("body"), rs.getString("payload"), rs.getInt("attempts"));
        }
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
