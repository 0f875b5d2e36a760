package io.ribao.aggregation.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decoded values in front of a task's store, written through: a value read again is not decoded again. Only the task
 * that owns the store writes it, so the copy in memory cannot go stale; a new processor (restart, re-assignment, a
 * task revived after an aborted transaction) starts empty. The least recently used values beyond {@code maxEntries}
 * are dropped from memory, never from the store. Values must not be changed in place. Not thread-safe: one per task.
 */
final class WriteThroughCache<V> implements KeyValues<V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> decoded;

    WriteThroughCache(KeyValueStore<String, V> store, int maxEntries) {
        this.store = store;
        this.decoded = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public V get(String key) {
        V value = decoded.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                decoded.put(key, value);
            }
        }
        return value;
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
        decoded.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
        decoded.remove(key);
    }
}
