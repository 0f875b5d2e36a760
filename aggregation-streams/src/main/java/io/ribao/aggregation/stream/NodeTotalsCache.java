package io.ribao.aggregation.stream;

import io.ribao.aggregation.rollup.NodeTotals;
import io.ribao.aggregation.rollup.NodeTotalsCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decoded node totals in front of their store, written through on every change: a busy node (the county) is decoded
 * once instead of once per contribution. Only this task writes the store, so the copy in memory cannot go stale; a
 * new processor (restart, re-assignment) starts with an empty cache. Not thread-safe: one per task.
 */
final class NodeTotalsCache {

    private static final int MAX_ENTRIES = 4096;

    private final KeyValueStore<String, byte[]> store;
    private final NodeTotalsCodec codec;
    private final Map<String, NodeTotals> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NodeTotals> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    NodeTotalsCache(KeyValueStore<String, byte[]> store, NodeTotalsCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    NodeTotals get(String nodeDay) {
        NodeTotals totals = decoded.get(nodeDay);
        if (totals == null) {
            byte[] bytes = store.get(nodeDay);
            if (bytes == null) {
                return null;
            }
            totals = codec.decode(bytes);
            decoded.put(nodeDay, totals);
        }
        return totals;
    }

    void put(String nodeDay, NodeTotals totals) {
        store.put(nodeDay, codec.encode(totals));
        decoded.put(nodeDay, totals);
    }

    void delete(String nodeDay) {
        store.delete(nodeDay);
        decoded.remove(nodeDay);
    }
}
