package io.ribao.aggregation.stream;

import io.ribao.aggregation.day.Deadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The deadline store of a unit-day task, indexed by due time ({@link DeadlineKey}), with a watermark: everything due
 * at or before it has been applied. Taking what is due scans only above the watermark and moves it up, so a burst
 * deletes nothing; the applied entries are swept away later, a bounded number per quiet punctuation (decision 271).
 * A deadline scheduled at or below the watermark (a unit-day opened after its deadline passed) is filed just above
 * it, so it falls due at the next look and is never lost below the mark.
 */
final class DueDeadlines {

    /** The watermark's key: '~' sorts after every digit, so no range of deadline keys ever includes it. */
    static final String WATERMARK = "~applied";

    private final KeyValueStore<String, String> store;
    private long appliedUpTo;

    DueDeadlines(KeyValueStore<String, String> store) {
        this.store = store;
        String stored = store.get(WATERMARK);
        this.appliedUpTo = stored == null ? -1 : Long.parseLong(stored);
    }

    /** Files a deadline of the subject; one already behind the watermark falls due at the next look. */
    void schedule(Instant due, Deadline kind, String subject) {
        Instant filed = due.toEpochMilli() > appliedUpTo ? due : Instant.ofEpochMilli(appliedUpTo + 1);
        store.put(new DeadlineKey(filed, kind, subject).encode(), subject);
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
        store.put(WATERMARK, Long.toString(until));
        return due;
    }

    /** Deletes at most {@code limit} applied entries (at or below the watermark); returns how many it deleted. */
    int sweep(int limit) {
        if (appliedUpTo < 0) {
            return 0;
        }
        List<String> applied = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(DeadlineKey.start(),
                DeadlineKey.endAt(Instant.ofEpochMilli(appliedUpTo)))) {
            while (applied.size() < limit && it.hasNext()) {
                applied.add(it.next().key);
            }
        }
        applied.forEach(store::delete);
        return applied.size();
    }
}
