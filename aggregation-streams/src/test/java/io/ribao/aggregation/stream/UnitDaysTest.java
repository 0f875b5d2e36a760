package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.aggregation.day.UnitDay;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitDaysTest {

    private static final LocalDate D = LocalDate.of(2026, 12, 6);
    private static final String DAY = "u1/" + D;
    private static final Instant OPENED = Instant.parse("2026-12-06T00:00:00Z");

    private final Topics topics = new Topics(SchemaRegistries.forUrl("mem://unit-days-" + UUID.randomUUID()));
    private final Serde<UnitDayEntry> serde = UnitDayEntryCodec.serde(topics);
    /** The store's bytes, as RocksDB and the changelog would hold them. */
    private final Map<String, byte[]> stored = new HashMap<>();
    /** The store operations, by method name. */
    private final List<String> operations = new ArrayList<>();
    private KeyValueStore<String, UnitDayEntry> store;
    private UnitDays unitDays;

    @BeforeEach
    void unitDaysOverAStoreOfBytes() {
        store = StoreOverMap.of(stored, serde, operations);
        unitDays = newUnitDays();
    }

    private UnitDays newUnitDays() {
        return new UnitDays(store, 16, topics.unitDayStatus().valueSerde().serializer());
    }

    private static UnitDayStatus expected() {
        return UnitDay.expected("u1", "demo-county", D, OPENED);
    }

    private static UnitDayStatus missing() {
        return UnitDayStatus.newBuilder(expected()).setState(UnitDayState.MISSING).build();
    }

    @Test
    void theStatusAndItsAlertMarksAreOneValueReadBackAfterARestart() {
        unitDays.put(DAY, expected());
        AlertLedger ledger = new AlertLedger(unitDays.alertMarks());
        ledger.raise(DAY, "DUE_SOON:u1:2026-12-06");

        // the submission deadline: a new status, MISSING raised and DUE_SOON resolved, all under the one key
        unitDays.put(DAY, missing());
        ledger.settle(DAY, List.of("MISSING:u1:2026-12-06", "DUE_SOON:u1:2026-12-06"), id -> id,
                id -> id.startsWith("MISSING"));
        assertThat(stored).containsOnlyKeys(DAY);

        UnitDays restarted = newUnitDays();
        assertThat(restarted.get(DAY)).isEqualTo(missing());
        AlertLedger restartedLedger = new AlertLedger(restarted.alertMarks());
        assertThat(restartedLedger.raise(DAY, "MISSING:u1:2026-12-06")).as("raised before the restart").isFalse();
        assertThat(restartedLedger.resolve(DAY, "DUE_SOON:u1:2026-12-06")).as("resolved before").isFalse();
        assertThat(restartedLedger.raise(DAY, "STILL_MISSING:u1:2026-12-06")).isTrue();
        assertThat(restarted.get(DAY)).as("the marks leave the status as it was").isEqualTo(missing());
    }

    @Test
    void aNewStatusKeepsTheMarksAndNewMarksKeepTheStatusAsSerialisedOnce() {
        unitDays.put(DAY, expected());
        new AlertLedger(unitDays.alertMarks()).raise(DAY, "DUE_SOON:u1:2026-12-06");
        unitDays.put(DAY, missing());

        UnitDayEntry entry = serde.deserializer().deserialize("changelog", stored.get(DAY));
        assertThat(entry.alertMarks()).isEqualTo("RDUE_SOON:u1:2026-12-06");
        assertThat(entry.status()).isEqualTo(missing());
        assertThat(entry.statusBytes()).as("the bytes the status sink writes")
                .isEqualTo(topics.unitDayStatus().serializeValue(missing()));
    }

    @Test
    void alertsOfAUnitDayThatIsNotOpenAreRefusedAndWriteNothing() {
        AlertLedger ledger = new AlertLedger(unitDays.alertMarks());

        assertThatThrownBy(() -> ledger.raise(DAY, "MISSING:u1:2026-12-06"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(DAY);
        assertThat(operations).doesNotContain("put");
    }

    @Test
    void aLockedUnitDayLeavesWithItsMarks() {
        unitDays.put(DAY, expected());
        new AlertLedger(unitDays.alertMarks()).raise(DAY, "DUE_SOON:u1:2026-12-06");

        assertThatThrownBy(() -> new AlertLedger(unitDays.alertMarks()).forget(DAY))
                .as("the marks alone are never forgotten").isInstanceOf(UnsupportedOperationException.class);
        unitDays.delete(DAY);

        assertThat(stored).isEmpty();
        assertThat(unitDays.get(DAY)).isNull();
        assertThat(newUnitDays().alertMarks().get(DAY)).isNull();
    }

    @Test
    void anEntryOfAnotherVersionIsRefused() {
        byte[] bytes = serde.serializer().serialize("changelog",
                new UnitDayEntry(expected(), topics.unitDayStatus().serializeValue(expected()), ""));
        bytes[0] = 2;

        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", bytes))
                .hasMessageContaining("unknown unit-day entry version 2");
    }
}
