package io.ribao.aggregation.stream;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which alert ids a task has raised and resolved, kept per unit-day or node-day ({@code scope|alertId}), so each alert
 * is raised at most once and resolved at most once, across restarts (the store is changelogged under exactly-once).
 */
final class AlertLedger {

    private static final String RAISED = "RAISED";
    private static final String RESOLVED = "RESOLVED";

    private final KeyValueStore<String, String> store;

    AlertLedger(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Whether to send the alert now: never raised before (a resolved one never comes back). */
    boolean raise(String scope, String alertId) {
        String key = scope + "|" + alertId;
        if (store.get(key) != null) {
            return false;
        }
        store.put(key, RAISED);
        return true;
    }

    /** Whether to send the resolution now: raised and not yet resolved. */
    boolean resolve(String scope, String alertId) {
        String key = scope + "|" + alertId;
        if (!RAISED.equals(store.get(key))) {
            return false;
        }
        store.put(key, RESOLVED);
        return true;
    }

    /** The scope can change no more (its day locked): its ids leave the store. */
    void forget(String scope) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.prefixScan(scope + "|", new StringSerializer())) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
    }
}
