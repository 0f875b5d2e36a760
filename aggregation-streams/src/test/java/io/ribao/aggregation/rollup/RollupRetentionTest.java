package io.ribao.aggregation.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.day.DaySchedule;
import io.ribao.schemas.roster.Jurisdiction;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RollupRetentionTest {

    private final Jurisdiction county = io.ribao.aggregation.RosterFixtures.jurisdiction().build();
    private final LocalDate d = LocalDate.of(2026, 3, 2);
    private final DaySchedule schedule = DaySchedule.of(county, d);

    @Test
    void aDaysRollupIsKeptForAnHourAfterItLocksThenForgotten() {
        assertThat(RollupRetention.newestForgotten(county, schedule.locks())).isBefore(d);
        assertThat(RollupRetention.newestForgotten(county, schedule.locks().plus(RollupRetention.AFTER_LOCK)
                .minusMillis(1))).isBefore(d);
        assertThat(RollupRetention.newestForgotten(county, schedule.locks().plus(RollupRetention.AFTER_LOCK)))
                .isEqualTo(d);
    }
}
