package io.ribao.aggregation.rollup;

import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.township;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletenessCountsTest {

    private final Unit unit = township("twn-tianbao");

    @Test
    void eachStateCountsOnceAsExpectedAndOnceInItsOwnColumn() {
        assertThat(CompletenessCounts.of(status(unit, UnitDayState.EXPECTED, Map.of())))
                .isEqualTo(new CompletenessCounts(1, 0, 0, 0, 0, 0, 0));
        assertThat(CompletenessCounts.of(status(unit, UnitDayState.PENDING_SIGNOFF, Map.of())))
                .isEqualTo(new CompletenessCounts(1, 0, 0, 0, 1, 0, 0));
        assertThat(CompletenessCounts.of(status(unit, UnitDayState.ON_TIME, Map.of())))
                .isEqualTo(new CompletenessCounts(1, 1, 0, 0, 0, 0, 0));
        assertThat(CompletenessCounts.of(status(unit, UnitDayState.LATE, Map.of())))
                .isEqualTo(new CompletenessCounts(1, 0, 1, 0, 0, 0, 0));
        assertThat(CompletenessCounts.of(status(unit, UnitDayState.MISSING, Map.of())))
                .isEqualTo(new CompletenessCounts(1, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void anUnsignedDraftPastTheDeadlineCountsAsUnsigned() {
        UnitDayStatus unsigned = UnitDayStatus.newBuilder(status(unit, UnitDayState.MISSING, Map.of()))
                .setUnsigned(true).build();

        assertThat(CompletenessCounts.of(unsigned)).isEqualTo(new CompletenessCounts(1, 0, 0, 1, 0, 1, 0));
    }

    @Test
    void aZeroReportCountsOnlyOnceSigned() {
        UnitDayStatus draft = UnitDayStatus.newBuilder(status(unit, UnitDayState.PENDING_SIGNOFF, Map.of()))
                .setZeroReport(true).build();
        UnitDayStatus signed = UnitDayStatus.newBuilder(draft).setState(UnitDayState.ON_TIME).build();

        assertThat(CompletenessCounts.of(draft).zeroReports()).isZero();
        assertThat(CompletenessCounts.of(signed).zeroReports()).isEqualTo(1);
    }

    @Test
    void countsAddUpAndConvertToTheAvroRecord() {
        CompletenessCounts sum = new CompletenessCounts(1, 1, 0, 0, 0, 0, 1)
                .plus(new CompletenessCounts(1, 0, 1, 0, 0, 0, 0));

        assertThat(sum).isEqualTo(new CompletenessCounts(2, 1, 1, 0, 0, 0, 1));
        assertThat(sum.toAvro().getExpected()).isEqualTo(2);
        assertThat(sum.toAvro().getZeroReports()).isEqualTo(1);
        assertThat(CompletenessCounts.NONE.isEmpty()).isTrue();
        assertThat(sum.isEmpty()).isFalse();
    }
}
