package io.ribao.aggregation.stream;

import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Topics;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The unit-days of a task (key {@code unitId/date}): each one's status and alert marks stored as one
 * {@link UnitDayEntry}, decoded in memory ({@link WriteThroughCache}, decision 273). The status and the marks are
 * written separately — {@link #put} and the {@link #alertMarks()} view its {@link AlertLedger} writes through — but a
 * deadline's writes of one unit-day meet in Kafka Streams' record cache, so they reach RocksDB and the changelog as one
 * record (decision 276). A status is serialised once, when it is put: for the store, for the status sink, and for
 * the marks written later, which keep its bytes.
 */
final class UnitDays {

    private final KeyValueStore<String, UnitDayEntry> store;
    private final WriteThroughCache<UnitDayEntry> entries;
    private final Serializer<UnitDayStatus> statusWriter;
    private final KeyValues<String> alertMarks = new KeyValues<>() {
        @Override
        public String get(String dayKey) {
            UnitDayEntry entry = entries.get(dayKey);
            return entry == null ? null : entry.alertMarks();
        }

        @Override
        public void put(String dayKey, String marks) {
            UnitDayEntry entry = entries.get(dayKey);
            if (entry == null) {
                throw new IllegalStateException("alerts settled for unit-day " + dayKey + ", which is not open");
            }
            entries.put(dayKey, entry.withAlertMarks(marks));
        }

        @Override
        public void delete(String dayKey) {
            throw new UnsupportedOperationException("a unit-day's alert marks leave with it: UnitDays.delete");
        }
    };

    UnitDays(KeyValueStore<String, UnitDayEntry> store, int inMemory, Serializer<UnitDayStatus> statusWriter) {
        this.store = store;
        this.entries = new WriteThroughCache<>(store, inMemory);
        this.statusWriter = statusWriter;
    }

    /** The unit-day's status, or null when it is not open (never opened, or forgotten when its day locked). */
    UnitDayStatus get(String dayKey) {
        UnitDayEntry entry = entries.get(dayKey);
        return entry == null ? null : entry.status();
    }

    /** The unit-day as stored, or null when it is not open: its status bytes are what the status sink writes. */
    UnitDayEntry entry(String dayKey) {
        return entries.get(dayKey);
    }

    /**
     * Stores the unit-day's status, its alert marks as they are, and returns the stored entry, whose status bytes are
     * what the status sink writes.
     */
    UnitDayEntry put(String dayKey, UnitDayStatus status) {
        byte[] bytes = statusWriter.serialize(Topics.UNIT_DAY_STATUS, status);
        UnitDayEntry entry = entries.get(dayKey);
        UnitDayEntry stored = entry == null ? new UnitDayEntry(status, bytes, "") : entry.withStatus(status, bytes);
        entries.put(dayKey, stored);
        return stored;
    }

    /** The unit-day can change no more (its day locked): its status and its alert marks leave the store together. */
    void delete(String dayKey) {
        entries.delete(dayKey);
    }

    /** Every open unit-day in the store, with its status: a scan, for a task's start, not for a record. */
    void forEachOpen(BiConsumer<String, UnitDayStatus> action) {
        try (KeyValueIterator<String, UnitDayEntry> it = store.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    action.accept(kv.key, kv.value.status());
                }
            });
        }
    }

    /** The unit-days' alert marks, for the task's {@link AlertLedger}: only an open unit-day has marks to write. */
    KeyValues<String> alertMarks() {
        return alertMarks;
    }
}
