package io.ribao.aggregation.stream;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which alert ids a task has raised and resolved, one {@link AlertMarks} value per unit-day or node-day, so each alert
 * is raised at most once and resolved at most once, across restarts (the store is changelogged under exactly-once).
 */
final class AlertLedger {

    private final KeyValueStore<String, String> store;

    AlertLedger(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Whether to send the alert now: never raised before (a resolved one never comes back). */
    boolean raise(String scope, String alertId) {
        AlertMarks marks = AlertMarks.decode(store.get(scope));
        if (!marks.raise(alertId)) {
            return false;
        }
        store.put(scope, marks.encode());
        return true;
    }

    /** Whether to send the resolution now: raised and not yet resolved. */
    boolean resolve(String scope, String alertId) {
        String value = store.get(scope);
        if (value == null) {
            return false;
        }
        AlertMarks marks = AlertMarks.decode(value);
        if (!marks.resolve(alertId)) {
            return false;
        }
        store.put(scope, marks.encode());
        return true;
    }

    /** The scope can change no more (its day locked): its ids leave the store. */
    void forget(String scope) {
        store.delete(scope);
    }
}
