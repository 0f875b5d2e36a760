package io.ribao.aggregation.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which alert ids a task has raised and resolved, one {@link AlertMarks} value per unit-day or node-day, so each alert
 * is raised at most once and resolved at most once, across restarts (the store is changelogged under exactly-once).
 * The values of the scopes seen lately are kept in memory ({@link WriteThroughCache}): a deadline settles every
 * unit-day of a task, each read back from the store otherwise. A unit-day's value is part of its stored entry
 * ({@link UnitDayEntry}), so a deadline's status and its alerts are one store write (decision 276).
 */
final class AlertLedger {

    private final KeyValues<String> store;

    /** A ledger of its own store, the values of {@code scopesInMemory} scopes decoded in memory (node-days). */
    AlertLedger(KeyValueStore<String, String> store, int scopesInMemory) {
        this(new WriteThroughCache<>(store, scopesInMemory));
    }

    /** A ledger whose values live elsewhere: the unit-days keep theirs with their status ({@link UnitDays}). */
    AlertLedger(KeyValues<String> marks) {
        this.store = marks;
    }

    /** Whether to send the alert now: never raised before (a resolved one never comes back). */
    boolean raise(String scope, String alertId) {
        return !settle(scope, List.of(alertId), id -> id, id -> true).isEmpty();
    }

    /** Whether to send the resolution now: raised and not yet resolved. */
    boolean resolve(String scope, String alertId) {
        return !settle(scope, List.of(alertId), id -> id, id -> false).isEmpty();
    }

    /**
     * Settles several changes of one scope (a deadline's MISSING raised and DUE_SOON resolved) with one read and at
     * most one write of its value, and returns those to send, in order: each raise never made before, each resolution
     * of an alert raised and not yet resolved. {@link #raise} and {@link #resolve} are the case of one change.
     */
    <C> List<C> settle(String scope, List<C> changes, Function<C, String> alertId, Predicate<C> raises) {
        if (changes.isEmpty()) {
            return List.of();
        }
        AlertMarks marks = AlertMarks.decode(store.get(scope));
        List<C> send = new ArrayList<>(changes.size());
        for (C change : changes) {
            String id = alertId.apply(change);
            if (raises.test(change) ? marks.raise(id) : marks.resolve(id)) {
                send.add(change);
            }
        }
        if (!send.isEmpty()) {
            store.put(scope, marks.encode());
        }
        return send;
    }

    /** The scope can change no more (its day locked): its ids leave the store. */
    void forget(String scope) {
        store.delete(scope);
    }
}
