package io.ribao.bulletin.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The bulletin tables: versions, issue numbers, receipts, and the audit rows of workflow steps. */
@RegisterConstructorMapper(BulletinRow.class)
@RegisterConstructorMapper(BulletinReceipt.class)
public interface BulletinDao {

    String COLUMNS = """
            id, jurisdiction_id, day, version, issue_no, issue_year, state, narrative, content::text AS content,
            content_sha256, drafted_at, drafted_by, approved_at, approved_by, released_at, released_by""";

    @SqlUpdate("""
            INSERT INTO bulletins (id, jurisdiction_id, day, version, issue_no, issue_year, state, narrative, content,
                                   content_sha256, drafted_at, drafted_by, approved_at, approved_by, released_at,
                                   released_by)
            VALUES (:id, :jurisdictionId, :day, :version, :issueNo, :issueYear, :state, :narrative,
                    cast(:content AS jsonb), :contentSha256, :draftedAt, :draftedBy, :approvedAt, :approvedBy,
                    :releasedAt, :releasedBy)""")
    void insert(@BindMethods BulletinRow row);

    /** Moves a row on only from the state it was read in, so two concurrent steps cannot both succeed. */
    @SqlUpdate("""
            UPDATE bulletins SET issue_no = :row.issueNo, issue_year = :row.issueYear, state = :row.state,
                   narrative = :row.narrative, content = cast(:row.content AS jsonb),
                   content_sha256 = :row.contentSha256, drafted_at = :row.draftedAt, drafted_by = :row.draftedBy,
                   approved_at = :row.approvedAt, approved_by = :row.approvedBy, released_at = :row.releasedAt,
                   released_by = :row.releasedBy
            WHERE id = :row.id AND state = :fromState""")
    int update(@BindMethods("row") BulletinRow row, @Bind("fromState") String fromState);

    /**
     * Serialises drafting of one jurisdiction's day until the transaction ends, so two drafts at once (the office's
     * and the deadline's) cannot both create version 1.
     */
    @SqlQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:jurisdictionId || '/' || :day))) AS held")
    int lockDay(@Bind("jurisdictionId") String jurisdictionId, @Bind("day") String day);

    @SqlQuery("SELECT " + COLUMNS + " FROM bulletins WHERE id = :id")
    Optional<BulletinRow> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM bulletins WHERE id = :id FOR UPDATE")
    Optional<BulletinRow> lock(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM bulletins WHERE jurisdiction_id = :jurisdictionId AND day = :day
            ORDER BY version DESC LIMIT 1 FOR UPDATE""")
    Optional<BulletinRow> lockLatest(@Bind("jurisdictionId") String jurisdictionId,
                                     @Bind("day") LocalDate day);

    /** The days closed (every part of the snapshot in) since {@code since} that have no bulletin at all. */
    @SqlQuery("""
            SELECT d.jurisdiction_id, d.day FROM day_closed d
            WHERE cardinality(d.parts_received) >= d.parts AND d.closed_at >= :since
              AND NOT EXISTS (SELECT 1 FROM bulletins b WHERE b.jurisdiction_id = d.jurisdiction_id AND b.day = d.day)
            ORDER BY d.day, d.jurisdiction_id""")
    @RegisterConstructorMapper(ClosedDay.class)
    List<ClosedDay> closedDaysWithoutBulletin(@Bind("since") Instant since);

    /** A jurisdiction's reporting day. */
    record ClosedDay(String jurisdictionId, LocalDate day) {
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM bulletins WHERE day = :day ORDER BY jurisdiction_id, version")
    List<BulletinRow> onDay(@Bind("day") LocalDate day);

    @SqlQuery("SELECT " + COLUMNS + " FROM bulletins ORDER BY day DESC, jurisdiction_id, version DESC LIMIT :limit")
    List<BulletinRow> recent(@Bind("limit") int limit);

    /** The next 第N期 for the jurisdiction and year; the row lock serialises concurrent approvals. */
    @SqlQuery("""
            INSERT INTO bulletin_issue_numbers (jurisdiction_id, year, last_no) VALUES (:jurisdictionId, :year, 1)
            ON CONFLICT (jurisdiction_id, year) DO UPDATE SET last_no = bulletin_issue_numbers.last_no + 1
            RETURNING last_no""")
    int nextIssueNo(@Bind("jurisdictionId") String jurisdictionId, @Bind("year") int year);

    @SqlUpdate("""
            INSERT INTO bulletin_receipts (bulletin_id, recipient, channel, queued_at)
            VALUES (:bulletinId, :recipient, :channel, :queuedAt)
            ON CONFLICT (bulletin_id, recipient, channel) DO NOTHING""")
    void queueReceipt(@Bind("bulletinId") String bulletinId, @Bind("recipient") String recipient,
                      @Bind("channel") String channel, @Bind("queuedAt") Instant queuedAt);

    /** Called by the delivery side when a recipient's copy went out (or was read). */
    @SqlUpdate("""
            UPDATE bulletin_receipts SET delivered_at = coalesce(delivered_at, :at), detail = :detail
            WHERE bulletin_id = :bulletinId AND recipient = :recipient AND channel = :channel""")
    int markDelivered(@Bind("bulletinId") String bulletinId, @Bind("recipient") String recipient,
                      @Bind("channel") String channel, @Bind("at") Instant at, @Bind("detail") String detail);

    /**
     * Receipts as queued at release, completed from the delivery outbox (V2: messages keyed
     * {@code bulletin|<id>|<recipient>|<channel>}): delivered when the first channel's message was sent, read when the
     * recipient opened the in-app copy.
     */
    @SqlQuery("""
            SELECT r.bulletin_id, r.recipient, r.channel, r.queued_at,
                   coalesce(r.delivered_at,
                            (SELECT min(o.sent_at) FROM outbox o
                             WHERE starts_with(o.message_key, 'bulletin|' || r.bulletin_id || '|' || r.recipient || '|')
                               AND o.state = 'SENT')) AS delivered_at,
                   coalesce(r.read_at,
                            (SELECT min(i.read_at) FROM inbox i JOIN outbox o ON o.id = i.outbox_id
                             WHERE starts_with(o.message_key, 'bulletin|' || r.bulletin_id || '|' || r.recipient || '|')))
                       AS read_at,
                   r.detail
            FROM bulletin_receipts r WHERE r.bulletin_id = :bulletinId ORDER BY r.recipient, r.channel""")
    List<BulletinReceipt> receipts(@Bind("bulletinId") String bulletinId);

    @SqlUpdate("""
            INSERT INTO audit (at, actor, action, target, detail, source)
            VALUES (:at, :actor, :action, :target, cast(:detail AS jsonb), :source)""")
    void audit(@Bind("at") Instant at, @Bind("actor") String actor, @Bind("action") String action,
               @Bind("target") String target, @Bind("detail") String detailJson, @Bind("source") String source);
}
