package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertLedgerTest {

    private static final String DAY = "u1/2026-12-06";
    private static final Change RAISE_MISSING = new Change("MISSING:u1:2026-12-06", true);
    private static final Change RESOLVE_DUE_SOON = new Change("DUE_SOON:u1:2026-12-06", false);

    private record Change(String alertId, boolean raises) {
    }

    /** The store's values, as bytes. */
    private final Map<String, byte[]> values = new HashMap<>();
    /** The store operations the ledger made, by method name. */
    private final List<String> operations = new ArrayList<>();
    private KeyValueStore<String, String> store;
    private AlertLedger ledger;

    @BeforeEach
    void ledgerOverARecordingStore() {
        store = StoreOverMap.of(values, Serdes.String(), operations);
        ledger = new AlertLedger(store, 2);
    }

    private List<Change> settle(Change... changes) {
        return ledger.settle(DAY, List.of(changes), Change::alertId, Change::raises);
    }

    @Test
    void aDeadlineThatRaisesOneAlertAndResolvesAnotherReadsAndWritesTheDayOnce() {
        // given the reminder raised DUE_SOON, before a restart
        ledger.raise(DAY, RESOLVE_DUE_SOON.alertId());
        ledger = new AlertLedger(store, 2);
        operations.clear();

        // when the submission deadline raises MISSING and resolves DUE_SOON
        List<Change> send = settle(RAISE_MISSING, RESOLVE_DUE_SOON);

        // then both are sent, for one read and one write
        assertThat(send).containsExactly(RAISE_MISSING, RESOLVE_DUE_SOON);
        assertThat(operations).containsExactly("get", "put");
    }

    @Test
    void aScopeSettledLatelyIsNotReadFromTheStoreAgain() {
        ledger.raise(DAY, RESOLVE_DUE_SOON.alertId());
        operations.clear();

        assertThat(settle(RAISE_MISSING, RESOLVE_DUE_SOON)).containsExactly(RAISE_MISSING, RESOLVE_DUE_SOON);
        assertThat(operations).containsExactly("put");

        // beyond the scopes it keeps in memory (2 here), it reads the store again, and what it reads is the same
        ledger.raise("u2/2026-12-06", RAISE_MISSING.alertId());
        ledger.raise("u3/2026-12-06", RAISE_MISSING.alertId());
        operations.clear();
        assertThat(settle(new Change(RAISE_MISSING.alertId(), false))).hasSize(1);
        assertThat(operations).containsExactly("get", "put");
    }

    @Test
    void aForgottenScopeLeavesTheStoreAndMemory() {
        settle(RAISE_MISSING);
        ledger.forget(DAY);

        assertThat(values).doesNotContainKey(DAY);
        assertThat(settle(RAISE_MISSING)).as("a locked day's ids are gone").containsExactly(RAISE_MISSING);
    }

    @Test
    void settlingSendsWhatRaisingAndResolvingInTurnWould() {
        Change raiseAgain = new Change(RAISE_MISSING.alertId(), true);
        Change resolveMissing = new Change(RAISE_MISSING.alertId(), false);

        List<Change> send = settle(RAISE_MISSING, raiseAgain, RESOLVE_DUE_SOON, resolveMissing);

        // a raise once, never a resolution of what was not raised, the resolution once
        assertThat(send).containsExactly(RAISE_MISSING, resolveMissing);
        assertThat(ledger.raise(DAY, RAISE_MISSING.alertId())).as("a resolved alert never comes back").isFalse();
        assertThat(ledger.resolve(DAY, RAISE_MISSING.alertId())).isFalse();
    }

    @Test
    void changesThatSendNothingWriteNothing() {
        settle(RAISE_MISSING);
        operations.clear();

        assertThat(settle(RAISE_MISSING, RESOLVE_DUE_SOON)).isEmpty();
        assertThat(operations).isEmpty();
    }

    @Test
    void noChangesTouchNothing() {
        assertThat(settle()).isEmpty();
        assertThat(operations).isEmpty();
    }
}
