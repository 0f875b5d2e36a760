package io.ribao.aggregation.day;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.RosterFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayScheduleTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);
    private final DaySchedule schedule = DaySchedule.of(RosterFixtures.jurisdiction().build(), D);

    @Test
    void theDayLocksAtMidnightAfterItsAmendDaysInTheJurisdictionsZone() {
        assertThat(schedule.locks()).isEqualTo(Instant.parse("2026-03-05T16:00:00Z"));
    }

    @Test
    void aReportWasTakenBeforeTheLockWhenItsLastStepCameBeforeIt() {
        Instant lastSecond = schedule.locks().minusSeconds(1);
        Instant early = Instant.parse("2026-03-02T03:00:00Z");

        assertThat(schedule.tookBeforeLock(RosterFixtures.report("u", D, 1, lastSecond, lastSecond, Map.of())))
                .isTrue();
        assertThat(schedule.tookBeforeLock(RosterFixtures.report("u", D, 1, lastSecond, null, Map.of()))).isTrue();
        // a signature at the lock, of a revision submitted days before, came too late
        assertThat(schedule.tookBeforeLock(RosterFixtures.report("u", D, 1, early, schedule.locks(), Map.of())))
                .isFalse();
        assertThat(schedule.tookBeforeLock(RosterFixtures.report("u", D, 1, schedule.locks(), null, Map.of())))
                .isFalse();
    }
}
