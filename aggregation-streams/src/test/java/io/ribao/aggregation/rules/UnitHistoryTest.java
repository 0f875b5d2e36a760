package io.ribao.aggregation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitHistoryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Test
    void aLaterRevisionOfADayReplacesTheEarlierOne() {
        UnitHistory history = UnitHistory.empty()
                .record(DAY, false, Map.of("m", 10L))
                .record(DAY, false, Map.of("m", 7L));

        assertThat(history.records()).hasSize(1);
        assertThat(history.on(DAY)).get().extracting(d -> d.value("m").getAsLong()).isEqualTo(7L);
    }

    @Test
    void theHistoryKeepsOnlyItsLastDays() {
        // given a history of 3 days, recorded over 5
        UnitHistory history = UnitHistory.empty(3);
        for (int i = 4; i >= 0; i--) {
            history = history.record(DAY.minusDays(i), false, Map.of("m", (long) i));
        }

        // then
        assertThat(history.records()).extracting(DayRecord::date)
                .containsExactly(DAY.minusDays(2), DAY.minusDays(1), DAY);
    }

    @Test
    void aLateReportForAnOlderDayFallsInPlace() {
        UnitHistory history = UnitHistory.empty()
                .record(DAY, false, Map.of("m", 1L))
                .record(DAY.minusDays(2), true, Map.of());

        assertThat(history.records()).extracting(DayRecord::date).containsExactly(DAY.minusDays(2), DAY);
    }

    @Test
    void theDaysBeforeADateLeaveTheDateItselfOut() {
        UnitHistory history = UnitHistory.empty()
                .record(DAY.minusDays(8), false, Map.of("m", 1L))
                .record(DAY.minusDays(7), false, Map.of("m", 2L))
                .record(DAY.minusDays(1), false, Map.of("m", 3L))
                .record(DAY, false, Map.of("m", 4L));

        assertThat(history.before(DAY, 7)).extracting(DayRecord::date)
                .containsExactly(DAY.minusDays(7), DAY.minusDays(1));
    }

    @Test
    void aZeroReportIsZeroOfEveryMetricAndAReportLeavingOneOutIsUnknown() {
        DayRecord zero = new DayRecord(DAY, true, Map.of());
        DayRecord partial = new DayRecord(DAY, false, Map.of("a", 0L));

        assertThat(zero.value("m").getAsLong()).isZero();
        assertThat(zero.isZero()).isTrue();
        assertThat(partial.value("m")).isEmpty();
        assertThat(partial.isZero()).isTrue();
        assertThat(new DayRecord(DAY, false, Map.of("a", 2L)).isZero()).isFalse();
    }

    @Test
    void aHistoryMustKeepAtLeastOneDay() {
        assertThatThrownBy(() -> UnitHistory.empty(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHistorySurvivesTheRoundTripThroughBytes() {
        UnitHistoryCodec codec = new UnitHistoryCodec();
        UnitHistory history = UnitHistory.empty(10)
                .record(DAY.minusDays(1), true, Map.of())
                .record(DAY, false, Map.of("a", 3L, "b", 0L));

        UnitHistory decoded = codec.decode(codec.encode(history));

        assertThat(decoded).isEqualTo(history);
        assertThat(decoded.days()).isEqualTo(10);
        assertThat(codec.encode(null)).isNull();
        assertThatThrownBy(() -> codec.decode(new byte[] {7})).hasMessageContaining("version 7");
    }
}
