package io.ribao.ingest.core;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The revisions of one unit-day, by revision number, each as its latest event (signed once it is signed), and the
 * day's earliest signature. Two parallel arrays: revisions arrive in order almost always, so a new one is appended,
 * and the index keeps no map entry or boxed number per revision.
 */
final class DayRevisions {

    /** The day, one instance shared by every event kept for it. */
    final LocalDate date;
    private int[] numbers = new int[4];
    private ReportEvent[] events = new ReportEvent[4];
    private int size;
    private ReportEvent firstSigned;
    private ReportEvent latestSigned;

    DayRevisions(LocalDate date) {
        this.date = date;
    }

    /**
     * Keeps the event unless its revision is already known and the event is not a signature (a signed event replaces
     * the unsigned one of its revision).
     */
    void keep(ReportEvent event) {
        int i = indexOf(event.getRevision());
        boolean signed = event.getType() == ReportEventType.SIGNED_OFF;
        if (i < 0) {
            insert(-i - 1, event);
        } else if (signed) {
            events[i] = event;
        }
        if (signed && (latestSigned == null || event.getRevision() > latestSigned.getRevision())) {
            latestSigned = event;
        }
        if (signed && event.getSignedAt() != null
                && (firstSigned == null || event.getSignedAt().isBefore(firstSigned.getSignedAt()))) {
            firstSigned = event;
        }
    }

    /** The highest revision, or null. */
    ReportEvent latest() {
        return size == 0 ? null : events[size - 1];
    }

    ReportEvent firstSigned() {
        return firstSigned;
    }

    /** The highest signed revision — the figures in force for the day — or null. */
    ReportEvent latestSigned() {
        return latestSigned;
    }

    /** Oldest first. */
    List<ReportEvent> all() {
        return List.of(Arrays.copyOf(events, size));
    }

    private int indexOf(int revision) {
        if (size == 0 || numbers[size - 1] < revision) {
            return -(size + 1);
        }
        return Arrays.binarySearch(numbers, 0, size, revision);
    }

    private void insert(int at, ReportEvent event) {
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
            events = Arrays.copyOf(events, size * 2);
        }
        System.arraycopy(numbers, at, numbers, at + 1, size - at);
        System.arraycopy(events, at, events, at + 1, size - at);
        numbers[at] = event.getRevision();
        events[at] = event;
        size++;
    }
}
