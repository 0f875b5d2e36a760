package io.ribao.aggregation.stream;

import io.ribao.aggregation.day.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The deadline store of a unit-day task, indexed by due time ({@link DeadlineKey}), with a watermark: everything due
 * at or before it has been applied. Taking what is due scans only above the watermark and moves it up, so a burst
 * deletes nothing; the applied entries are swept away later, a bounded number per punctuation once nothing has
 * fallen due for {@link #QUIET} (decision 271), so the sweep never competes with a burst or with its commit.
 * A deadline scheduled at or below the watermark (a unit-day opened after its deadline passed) is filed just above
 * it, so it falls due at the next look and is never lost below the mark.
 */
final class DueDeadlines {

    /** The watermark's key: '~' sorts after every digit, so no range of deadline keys ever includes it. */
    static final String WATERMARK = "~applied";
    /** How long after something last fell due the sweep waits. */
    static final Duration QUIET = Duration.ofSeconds(30);

    private final KeyValueStore<String, String> store;
    private long appliedUpTo;
    /** When something last fell due; a new task waits {@link #QUIET} before its first sweep. */
    private Instant lastDue;
    /** Where the last sweep stopped: the keys below are deleted, so the next one need not walk over them again. */
    private String sweptUpTo = DeadlineKey.start();

    DueDeadlines(KeyValueStore<String, String> store, Instant now) {
        this.store = store;
        this.lastDue = now;
        String stored = store.get(WATERMARK);
        this.appliedUpTo = stored == null ? -1 : Long.parseLong(stored);
    }

    /** Files a deadline of the subject; one already behind the watermark falls due at the next look. */
    void schedule(Instant due, Deadline kind, String subject) {
        Instant filed = due.toEpochMilli() > appliedUpTo ? due : Instant.ofEpochMilli(appliedUpTo + 1);
        store.put(new DeadlineKey(filed, kind, subject).encode(), subject);
    }

    /** Moves a deadline of the subject filed for {@code from}, not applied yet, to {@code to}. */
    void move(Instant from, Instant to, Deadline kind, String subject) {
        store.delete(new DeadlineKey(from, kind, subject).encode());
        schedule(to, kind, subject);
    }

    /** Up to when the deadlines have been applied: one due later has not been yet. */
    Instant appliedUpTo() {
        return Instant.ofEpochMilli(appliedUpTo);
    }

    /** What has fallen due since the last look, in due order; the watermark moves to {@code now}. */
    List<DeadlineKey> takeDue(Instant now) {
        long until = now.toEpochMilli();
        if (until <= appliedUpTo) {
            return List.of();
        }
        List<DeadlineKey> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(DeadlineKey.after(appliedUpTo),
                DeadlineKey.endAt(now))) {
            it.forEachRemaining(kv -> due.add(DeadlineKey.decode(kv.key)));
        }
        appliedUpTo = until;
        if (!due.isEmpty()) {
            // Stored only when something fell due: a look that found nothing leaves no entry in (stored mark, now]
            // to lose, so an idle task writes nothing to its changelog.
            store.put(WATERMARK, Long.toString(until));
            lastDue = now;
        }
        return due;
    }

    /**
     * Deletes at most {@code limit} applied entries (at or below the watermark) once nothing has fallen due for
     * {@link #QUIET}; returns how many it deleted.
     */
    int sweep(int limit, Instant now) {
        if (appliedUpTo < 0 || now.isBefore(lastDue.plus(QUIET))) {
            return 0;
        }
        List<String> applied = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(sweptUpTo,
                DeadlineKey.endAt(Instant.ofEpochMilli(appliedUpTo)))) {
            while (applied.size() < limit && it.hasNext()) {
                applied.add(it.next().key);
            }
        }
        applied.forEach(store::delete);
        if (!applied.isEmpty()) {
            sweptUpTo = applied.get(applied.size() - 1);
        }
        return applied.size();
    }
}
