package io.ribao.aggregation.stream;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.NodeTotals;
import io.ribao.aggregation.rollup.NodeTotalsCodec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The roll-up task's node totals, decoded and kept in memory while they change; the store holds each node-day as it
 * was last emitted. A node-day changed since ({@code rollup-dirty} marks it) is written to the store once, when the
 * punctuation emits it, instead of once per contribution: the county's totals change with nearly every report below
 * it. Totals are a sum of the node-day's sources ({@code rollup-sources}, written with every contribution) and of the
 * unit-day tasks' subtotals ({@code rollup-subtotals}, decision 282), so a
 * dirty node-day that is not in memory (after a restart or a revived task) is rebuilt from them, never read stale.
 * Clean node-days beyond {@value #MAX_CLEAN} are dropped from memory after each emit. Not thread-safe: one per task.
 */
final class NodeTotalsCache {

    private static final int MAX_CLEAN = 4096;

    private final KeyValueStore<String, byte[]> store;
    private final KeyValueStore<String, Contribution> sources;
    private final KeyValueStore<String, byte[]> subtotals;
    private final KeyValueStore<String, String> dirty;
    private final NodeTotalsCodec codec = new NodeTotalsCodec();
    private final Map<String, NodeTotals> live = new LinkedHashMap<>(256, 0.75f, true);

    NodeTotalsCache(KeyValueStore<String, byte[]> store, KeyValueStore<String, Contribution> sources,
                    KeyValueStore<String, byte[]> subtotals, KeyValueStore<String, String> dirty) {
        this.store = store;
        this.sources = sources;
        this.subtotals = subtotals;
        this.dirty = dirty;
    }

    /** The node-day's current totals, or null when nothing contributes to it. */
    NodeTotals get(String nodeDay) {
        NodeTotals totals = live.get(nodeDay);
        if (totals == null) {
            totals = dirty.get(nodeDay) != null ? rebuild(nodeDay) : codec.decode(store.get(nodeDay));
            if (totals != null) {
                live.put(nodeDay, totals);
            }
        }
        return totals;
    }

    /** The totals changed in memory; the caller marks the node-day dirty in the same transaction. */
    void changed(String nodeDay, NodeTotals totals) {
        live.put(nodeDay, totals);
    }

    /** The node-day is being emitted: the store catches up with it. */
    void emitted(String nodeDay, NodeTotals totals) {
        store.put(nodeDay, codec.encode(totals));
    }

    /** After an emit every node-day in memory is clean: keep the most recently used. */
    void trim() {
        Iterator<String> eldest = live.keySet().iterator();
        while (live.size() > MAX_CLEAN && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    void delete(String nodeDay) {
        store.delete(nodeDay);
        live.remove(nodeDay);
    }

    private NodeTotals rebuild(String nodeDay) {
        // Empty when every source withdrew: the emit then overwrites what the store still holds.
        NodeTotals totals = new NodeTotals();
        try (KeyValueIterator<String, Contribution> it = sources.prefixScan(nodeDay + "/", new StringSerializer())) {
            while (it.hasNext()) {
                totals.apply(null, it.next().value);
            }
        }
        try (KeyValueIterator<String, byte[]> it = subtotals.prefixScan(nodeDay + "/", new StringSerializer())) {
            while (it.hasNext()) {
                totals.applySubtotal(null, codec.decode(it.next().value));
            }
        }
        return totals;
    }
}
