package io.ribao.ingest.core;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What report-ingest knows of the reports log: the latest event of each report (revision), the revisions of each
 * unit-day, and the first answer to each client's idempotency key. Fed by {@link ReportLog} from the topic and by
 * the intake right after its own acknowledged writes; an event already applied (same eventId) is skipped.
 */
public final class ReportIndex {

    private final Set<String> applied = new HashSet<>();
    private final NavigableMap<LocalDate, Set<String>> appliedByDay = new TreeMap<>();
    private final Map<String, ReportEvent> byReportId = new HashMap<>();
    private final Map<String, NavigableMap<LocalDate, NavigableMap<Integer, ReportEvent>>> byUnit = new HashMap<>();
    private final Map<String, ReportEvent> byIdempotencyKey = new HashMap<>();
    /** The earliest signature applied for each unit-day, kept as events arrive so a receipt need not scan revisions. */
    private final Map<UnitDate, ReportEvent> firstSigned = new HashMap<>();
    private final Map<String, Object> unitLocks = new ConcurrentHashMap<>();

    public synchronized void apply(ReportEvent event) {
        if (!applied.add(event.getEventId())) {
            return;
        }
        appliedByDay.computeIfAbsent(event.getDate(), d -> new HashSet<>()).add(event.getEventId());
        ReportEvent known = byReportId.get(event.getReportId());
        if (known == null || event.getType() == ReportEventType.SIGNED_OFF) {
            byReportId.put(event.getReportId(), event);
        }
        NavigableMap<Integer, ReportEvent> revisions = byUnit
                .computeIfAbsent(event.getUnitId(), u -> new TreeMap<>())
                .computeIfAbsent(event.getDate(), d -> new TreeMap<>());
        ReportEvent sameRevision = revisions.get(event.getRevision());
        if (sameRevision == null || event.getType() == ReportEventType.SIGNED_OFF) {
            revisions.put(event.getRevision(), event);
        }
        if (event.getType() == ReportEventType.SIGNED_OFF && event.getSignedAt() != null) {
            firstSigned.merge(new UnitDate(event.getUnitId(), event.getDate()), event,
                    (earlier, other) -> other.getSignedAt().isBefore(earlier.getSignedAt()) ? other : earlier);
        }
        if (event.getIdempotencyKey() != null) {
            byIdempotencyKey.putIfAbsent(idempotencyKey(event.getSubmittedBy(), event.getIdempotencyKey()), event);
        }
    }

    /** Whether the event (by eventId) has been applied, from the log or from an acknowledged write. */
    public synchronized boolean contains(String eventId) {
        return applied.contains(eventId);
    }

    private static String idempotencyKey(String userId, String key) {
        return userId + '\u0000' + key;
    }

    public synchronized ReportEvent report(String reportId) {
        return byReportId.get(reportId);
    }

    /** The event that answered this user's key first, or null. */
    public synchronized ReportEvent firstAnswer(String userId, String key) {
        return byIdempotencyKey.get(idempotencyKey(userId, key));
    }

    /** The revisions of a unit-day, oldest first (each as its latest event: signed if it was signed). */
    public synchronized List<ReportEvent> revisions(String unitId, LocalDate date) {
        var days = byUnit.get(unitId);
        if (days == null || !days.containsKey(date)) {
            return List.of();
        }
        return List.copyOf(days.get(date).values());
    }

    /** Every revision of a unit, newest day first, oldest revision first within a day. */
    public synchronized List<ReportEvent> revisions(String unitId) {
        var days = byUnit.get(unitId);
        if (days == null) {
            return List.of();
        }
        List<ReportEvent> all = new ArrayList<>();
        days.descendingMap().values().forEach(revisions -> all.addAll(revisions.values()));
        return all;
    }

    /** The highest revision of a unit-day, or null; O(log n), as every submission asks. */
    public synchronized ReportEvent latestRevision(String unitId, LocalDate date) {
        NavigableMap<Integer, ReportEvent> revisions = revisionsOf(unitId, date);
        return revisions == null || revisions.isEmpty() ? null : revisions.lastEntry().getValue();
    }

    /** The earliest signature of a unit-day (its timeliness is the day's), or null; O(1), as every receipt asks. */
    public synchronized ReportEvent firstSigned(String unitId, LocalDate date) {
        return firstSigned.get(new UnitDate(unitId, date));
    }

    private record UnitDate(String unitId, LocalDate date) {
    }

    private NavigableMap<Integer, ReportEvent> revisionsOf(String unitId, LocalDate date) {
        var days = byUnit.get(unitId);
        return days == null ? null : days.get(date);
    }

    /**
     * Drops every day before {@code cutoff} (days that are locked): the index then holds amendDays + 2 days, however
     * long the service runs. Idempotency keys of those days go too; a retry days later meets a locked day anyway.
     */
    public synchronized void forgetBefore(LocalDate cutoff) {
        for (var days : byUnit.values()) {
            var old = days.headMap(cutoff, false);
            for (var revisions : old.values()) {
                for (ReportEvent kept : revisions.values()) {
                    byReportId.remove(kept.getReportId());
                }
            }
            old.clear();
        }
        byUnit.values().removeIf(Map::isEmpty);
        byIdempotencyKey.values().removeIf(e -> e.getDate().isBefore(cutoff));
        firstSigned.keySet().removeIf(day -> day.date().isBefore(cutoff));
        appliedByDay.headMap(cutoff, false).values().forEach(applied::removeAll);
        appliedByDay.headMap(cutoff, false).clear();
    }

    /** Serializes the writes of one unit on this replica, so revision numbers follow each other. */
    public Object lockFor(String unitId) {
        return unitLocks.computeIfAbsent(unitId, u -> new Object());
    }
}
