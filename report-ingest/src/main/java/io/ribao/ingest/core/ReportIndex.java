package io.ribao.ingest.core;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What report-ingest knows of the reports log: the latest event of each report (revision), the revisions of each
 * unit-day, and the first answer to each client's idempotency key. Fed by {@link ReportLog} from the topic and by
 * the intake right after its own acknowledged writes; an event already applied (its report is known as the same
 * eventId) is skipped, and one that was superseded (a submission after its sign-off) changes nothing. It keeps each
 * event as a {@link KeptEvent}: every revision of the open days stays in the heap, so what it keeps per revision is
 * what the collector works on.
 */
public final class ReportIndex {

    private final Map<String, ReportEvent> byReportId = new HashMap<>();
    private final Map<String, NavigableMap<LocalDate, DayRevisions>> byUnit = new HashMap<>();
    private final Map<String, ReportEvent> byIdempotencyKey = new HashMap<>();
    private final CanonicalStrings canonical = new CanonicalStrings();
    /** Where the log was read from at the start: a day that began earlier may have events this index lacks. */
    private Instant readFrom = Instant.MIN;
    /** Days before this one have been dropped. */
    private LocalDate forgottenBefore = LocalDate.MIN;

    public synchronized void apply(ReportEvent applied) {
        ReportEvent known = byReportId.get(applied.getReportId());
        if (known != null && known.getEventId().equals(applied.getEventId())) {
            return;
        }
        DayRevisions day = byUnit.computeIfAbsent(applied.getUnitId(), u -> new TreeMap<>())
                .computeIfAbsent(applied.getDate(), DayRevisions::new);
        ReportEvent event = KeptEvent.of(applied, day.date, canonical);
        if (known == null || event.getType() == ReportEventType.SIGNED_OFF) {
            byReportId.put(event.getReportId(), event);
        }
        day.keep(event);
        if (event.getIdempotencyKey() != null) {
            byIdempotencyKey.putIfAbsent(idempotencyKey(event.getSubmittedBy(), event.getIdempotencyKey()), event);
        }
    }

    /**
     * Whether the event has been applied, from the log or from an acknowledged write: its report is known as this
     * event, or as its sign-off (a report is only signed off once it is known, so the submission landed).
     */
    public synchronized boolean contains(ReportEvent event) {
        ReportEvent known = byReportId.get(event.getReportId());
        return known != null && (known.getEventId().equals(event.getEventId())
                || known.getType() == ReportEventType.SIGNED_OFF && event.getType() == ReportEventType.SUBMITTED);
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
        DayRevisions day = dayOf(unitId, date);
        return day == null ? List.of() : day.all();
    }

    /** Every revision of a unit, newest day first, oldest revision first within a day. */
    public synchronized List<ReportEvent> revisions(String unitId) {
        var days = byUnit.get(unitId);
        if (days == null) {
            return List.of();
        }
        List<ReportEvent> all = new ArrayList<>();
        days.descendingMap().values().forEach(day -> all.addAll(day.all()));
        return all;
    }

    /** The highest revision of a unit-day, or null; as every submission asks, without a copy. */
    public synchronized ReportEvent latestRevision(String unitId, LocalDate date) {
        DayRevisions day = dayOf(unitId, date);
        return day == null ? null : day.latest();
    }

    /** The earliest signature of a unit-day (its timeliness is the day's), or null; kept as events arrive. */
    public synchronized ReportEvent firstSigned(String unitId, LocalDate date) {
        DayRevisions day = dayOf(unitId, date);
        return day == null ? null : day.firstSigned();
    }

    /** The highest signed revision of a unit-day (the figures in force), or null. */
    public synchronized ReportEvent latestSigned(String unitId, LocalDate date) {
        DayRevisions day = dayOf(unitId, date);
        return day == null ? null : day.latestSigned();
    }

    private DayRevisions dayOf(String unitId, LocalDate date) {
        var days = byUnit.get(unitId);
        return days == null ? null : days.get(date);
    }

    /** The log is read into the index from {@code since} on: events stamped earlier are not here. */
    public synchronized void readFrom(Instant since) {
        readFrom = since;
    }

    /**
     * Whether every event of the day that begins at {@code dayStart} (in its jurisdiction's zone) is here: the day began
     * after the point the log was read from, and it has not been dropped. A day the roster's amendDays reopened beyond
     * the window this replica read back at its start is not (decision 419).
     */
    public synchronized boolean holdsDay(LocalDate date, Instant dayStart) {
        return !dayStart.isBefore(readFrom) && !date.isBefore(forgottenBefore);
    }

    /**
     * Drops every day before {@code cutoff} (days that are locked): the index then holds amendDays + 2 days, however
     * long the service runs. Idempotency keys of those days go too; a retry days later meets a locked day anyway.
     */
    public synchronized void forgetBefore(LocalDate cutoff) {
        if (cutoff.isAfter(forgottenBefore)) {
            forgottenBefore = cutoff;
        }
        for (var days : byUnit.values()) {
            var old = days.headMap(cutoff, false);
            for (DayRevisions day : old.values()) {
                for (ReportEvent kept : day.all()) {
                    byReportId.remove(kept.getReportId());
                }
            }
            old.clear();
        }
        byUnit.values().removeIf(Map::isEmpty);
        byIdempotencyKey.values().removeIf(e -> e.getDate().isBefore(cutoff));
    }
}
