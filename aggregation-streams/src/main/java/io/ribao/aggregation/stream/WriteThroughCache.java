package io.ribao.aggregation.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decoded values in front of a task's store, written through: a value read again is not decoded again, and a key
 * read again and found absent is not looked up again (a miss in RocksDB costs more than a hit: it goes through every
 * level, and RocksJava raises a native exception for it). Only the task that owns the store writes it, so the copy in
 * memory cannot go stale; a new processor (restart, re-assignment, a task revived after an aborted transaction) starts
 * empty. The least recently used keys beyond {@code maxEntries}, present or absent, are dropped from memory, never
 * from the store. Values must not be changed in place. Not thread-safe: one per task.
 */
final class WriteThroughCache<V> implements KeyValues<V> {

    /** What memory holds for a key read and found absent. */
    private static final Object ABSENT = new Object();

    private final KeyValueStore<String, V> store;
    private final Map<String, Object> known;

    WriteThroughCache(KeyValueStore<String, V> store, int maxEntries) {
        this.store = store;
        this.known = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(String key) {
        Object value = known.get(key);
        if (value == null) {
            V stored = store.get(key);
            known.put(key, stored == null ? ABSENT : stored);
            return stored;
        }
        return value == ABSENT ? null : (V) value;
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
        known.put(key, value);
    }

    /** Deleted keys are mostly of days let go, read no more: memory forgets them rather than keeping them absent. */
    @Override
    public void delete(String key) {
        store.delete(key);
        known.remove(key);
    }
}
