package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.day.Deadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DueDeadlinesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:30:00Z");

    private KeyValueStore<String, String> store;

    @BeforeEach
    void aStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("deadlines"), Serdes.String(),
                Serdes.String()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void whatIsDueIsTakenInDueOrderAndOnlyOnce() {
        DueDeadlines deadlines = new DueDeadlines(store, T0);
        deadlines.schedule(at(3), Deadline.SUBMISSION, "c/2026-11-23");
        deadlines.schedule(at(1), Deadline.SUBMISSION, "a/2026-11-23");
        deadlines.schedule(at(2), Deadline.REMINDER, "b/2026-11-23");

        assertThat(subjects(deadlines.takeDue(at(2)))).containsExactly("a/2026-11-23", "b/2026-11-23");
        assertThat(deadlines.takeDue(at(2))).isEmpty();
        assertThat(subjects(deadlines.takeDue(at(3)))).containsExactly("c/2026-11-23");
    }

    @Test
    void aDeadlineFiledBehindTheWatermarkFallsDueAtTheNextLook() {
        DueDeadlines deadlines = new DueDeadlines(store, T0);
        deadlines.takeDue(at(5));

        deadlines.schedule(at(1), Deadline.SUBMISSION, "late/2026-11-23");

        List<DeadlineKey> due = deadlines.takeDue(at(5).plusMillis(1));
        assertThat(subjects(due)).containsExactly("late/2026-11-23");
        assertThat(due.get(0).kind()).isEqualTo(Deadline.SUBMISSION);
    }

    @Test
    void aSweepDeletesOnlyAppliedEntriesAndAtMostItsLimit() {
        DueDeadlines deadlines = new DueDeadlines(store, T0);
        for (int second = 1; second <= 10; second++) {
            deadlines.schedule(at(second), Deadline.SUBMISSION, "u" + second + "/2026-11-23");
        }
        deadlines.takeDue(at(5));
        Instant quiet = at(5).plus(DueDeadlines.QUIET);

        assertThat(deadlines.sweep(3, quiet)).isEqualTo(3);
        assertThat(deadlines.sweep(10, quiet)).isEqualTo(2);
        assertThat(deadlines.sweep(10, quiet)).isZero();
        assertThat(deadlineKeys()).hasSize(5);
        assertThat(deadlines.takeDue(at(10))).hasSize(5);
    }

    @Test
    void theSweepWaitsUntilNothingHasFallenDueForAWhile() {
        DueDeadlines deadlines = new DueDeadlines(store, T0);
        deadlines.schedule(at(1), Deadline.SUBMISSION, "a/2026-11-23");
        deadlines.schedule(at(2), Deadline.SUBMISSION, "b/2026-11-23");
        deadlines.takeDue(at(1));
        deadlines.takeDue(at(2));

        assertThat(deadlines.sweep(10, at(2).plus(DueDeadlines.QUIET).minusMillis(1))).isZero();
        assertThat(deadlines.sweep(10, at(2).plus(DueDeadlines.QUIET))).isEqualTo(2);
    }

    @Test
    void entriesFiledAfterASweepAreSweptByTheNextOne() {
        DueDeadlines deadlines = new DueDeadlines(store, T0);
        deadlines.schedule(at(1), Deadline.SUBMISSION, "a/2026-11-23");
        deadlines.takeDue(at(1));
        Instant quiet = at(1).plus(DueDeadlines.QUIET);
        assertThat(deadlines.sweep(10, quiet)).isEqualTo(1);

        deadlines.schedule(at(1), Deadline.SUBMISSION, "late/2026-11-23");
        assertThat(subjects(deadlines.takeDue(quiet))).containsExactly("late/2026-11-23");

        assertThat(deadlines.sweep(10, quiet.plus(DueDeadlines.QUIET))).isEqualTo(1);
        assertThat(deadlineKeys()).isEmpty();
    }

    @Test
    void theWatermarkOutlivesTheTask() {
        new DueDeadlines(store, T0).schedule(at(1), Deadline.SUBMISSION, "a/2026-11-23");
        new DueDeadlines(store, T0).schedule(at(3), Deadline.SUBMISSION, "b/2026-11-23");
        new DueDeadlines(store, T0).takeDue(at(2));

        DueDeadlines revived = new DueDeadlines(store, T0);

        assertThat(revived.takeDue(at(2))).isEmpty();
        assertThat(subjects(revived.takeDue(at(3)))).containsExactly("b/2026-11-23");
    }

    @Test
    void theWatermarkIsNoDeadline() {
        DueDeadlines deadlines = new DueDeadlines(store, T0);
        deadlines.schedule(at(1), Deadline.SUBMISSION, "a/2026-11-23");
        deadlines.takeDue(at(1));

        assertThat(store.get(DueDeadlines.WATERMARK)).isEqualTo(Long.toString(at(1).toEpochMilli()));
        assertThat(deadlines.takeDue(at(1_000_000))).isEmpty();
        assertThat(deadlines.sweep(10, at(1_000_000).plus(DueDeadlines.QUIET))).isEqualTo(1);
        assertThat(deadlineKeys()).isEmpty();
    }

    @Test
    void aLookThatFindsNothingWritesNothing() {
        DueDeadlines deadlines = new DueDeadlines(store, T0);
        deadlines.schedule(at(10), Deadline.SUBMISSION, "a/2026-11-23");
        deadlines.takeDue(at(5));

        assertThat(store.get(DueDeadlines.WATERMARK)).isNull();
        deadlines.schedule(at(3), Deadline.SUBMISSION, "late/2026-11-23");
        DueDeadlines revived = new DueDeadlines(store, T0);
        assertThat(subjects(revived.takeDue(at(10)))).containsExactly("late/2026-11-23", "a/2026-11-23");
    }

    private List<String> deadlineKeys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.remove(DueDeadlines.WATERMARK);
        return keys;
    }

    private static List<String> subjects(List<DeadlineKey> due) {
        return due.stream().map(DeadlineKey::subject).toList();
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
