package io.ribao.bulletin.rebuild;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Which tables the projection derives from the topics, and the columns in them that people wrote and a rebuild
 * must keep. Everything else in the database (bulletins and their numbers and receipts, alert notices, the outbox,
 * delivery attempts, the inbox, the audit) exists only in PostgreSQL and is never emptied by a rebuild (which only
 * adds the notices of alerts the stopped service never applied).
 */
public final class DerivedTables {

    /** Written only by {@code RecordApplier}. */
    public static final List<String> TABLES = List.of("jurisdictions", "units", "form_metrics", "users",
            "unit_day_status", "rollups", "alerts", "day_closed", "report_revisions", "findings");

    private DerivedTables() {
    }

    /** What {@link #restorePeopleState} put back, and what it could not (its row is no longer in the log). */
    public record Kept(int acknowledgements, int rectifications, int withoutRow) {
    }

    /**
     * Blocks every writer of the derived tables and of the positions until the caller's transaction ends (readers
     * go on reading the old rows), so a replica left running or an acknowledgement waits instead of interleaving.
     */
    public static void lock(Handle h) {
        h.execute("SET LOCAL lock_timeout = '60s'");
        h.execute("LOCK TABLE " + String.join(", ", TABLES) + ", consumer_offsets IN EXCLUSIVE MODE");
    }

    /** Copies what people wrote (acknowledgements, rectifications) aside, then empties the derived tables. */
    public static void clear(Handle h) {
        h.execute("""
                CREATE TEMPORARY TABLE kept_acknowledgements ON COMMIT DROP AS
                SELECT alert_id, acknowledged_at, acknowledged_by FROM alerts WHERE acknowledged_at IS NOT NULL""");
        h.execute("""
                CREATE TEMPORARY TABLE kept_rectifications ON COMMIT DROP AS
                SELECT finding_id, status, rectification, rectified_at FROM findings
                WHERE status <> 'OPEN' OR rectification IS NOT NULL OR rectified_at IS NOT NULL""");
        for (String table : TABLES) {
            h.execute("DELETE FROM " + table);
        }
    }

    /** Puts back what {@link #clear} copied aside, onto the rows the replay recreated. */
    public static Kept restorePeopleState(Handle h) {
        int acknowledgements = h.execute("""
                UPDATE alerts a SET acknowledged_at = k.acknowledged_at, acknowledged_by = k.acknowledged_by
                FROM kept_acknowledgements k WHERE a.alert_id = k.alert_id""");
        int rectifications = h.execute("""
                UPDATE findings f SET status = k.status, rectification = k.rectification, rectified_at = k.rectified_at
                FROM kept_rectifications k WHERE f.finding_id = k.finding_id""");
        int kept = h.createQuery("SELECT (SELECT count(*) FROM kept_acknowledgements) "
                + "+ (SELECT count(*) FROM kept_rectifications)").mapTo(Integer.class).one();
        return new Kept(acknowledgements, rectifications, kept - acknowledgements - rectifications);
    }
}
