package io.ribao.aggregation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModifiedZScoreTest {

    @Test
    void theScoreIsPointSixSevenFourFiveTimesTheDistanceFromTheMedianOverTheMad() {
        // given a history with median 16 and deviations 6,4,2,0,2,4,6, so MAD 4
        List<Long> history = List.of(10L, 12L, 14L, 16L, 18L, 20L, 22L);

        // when
        ModifiedZScore z = ModifiedZScore.of(4, history);

        // then
        assertThat(z.median()).isEqualTo(16.0);
        assertThat(z.mad()).isEqualTo(4.0);
        assertThat(z.score()).isCloseTo(0.6745 * (4 - 16) / 4, within(1e-12));
        assertThat(z.score()).isCloseTo(-2.0235, within(1e-9));
    }

    @Test
    void theMedianOfAnEvenHistoryIsTheMeanOfTheMiddleTwo() {
        ModifiedZScore z = ModifiedZScore.of(5, List.of(8L, 2L, 6L, 4L));

        assertThat(z.median()).isEqualTo(5.0);
        assertThat(z.mad()).isEqualTo(2.0);
        assertThat(z.score()).isZero();
    }

    @Test
    void whenMostOfTheHistoryIsOneValueTheMeanAbsoluteDeviationStandsInForTheMad() {
        // given four days of 100 and one of 40: MAD 0, mean absolute deviation 12
        List<Long> history = List.of(100L, 100L, 100L, 100L, 40L);

        // when
        ModifiedZScore z = ModifiedZScore.of(40, history);

        // then
        assertThat(z.mad()).isZero();
        assertThat(z.meanAbsoluteDeviation()).isEqualTo(12.0);
        assertThat(z.scale()).isCloseTo(1.253314 * 12, within(1e-12));
        assertThat(z.score()).isCloseTo(-60 / (1.253314 * 12), within(1e-12));
    }

    @Test
    void aConstantHistoryScalesByATenthOfItsMedian() {
        // given a steady 100 a day
        List<Long> history = List.of(100L, 100L, 100L, 100L, 100L);

        // then a fall to 65 is 3.5 tenths below, and the same value scores 0
        assertThat(ModifiedZScore.of(65, history).score()).isEqualTo(-3.5);
        assertThat(ModifiedZScore.of(100, history).score()).isZero();
    }

    @Test
    void aConstantHistoryOfZeroKeepsAScaleOfOne() {
        List<Long> history = List.of(0L, 0L, 0L);

        assertThat(ModifiedZScore.of(0, history).score()).isZero();
        assertThat(ModifiedZScore.of(3, history).score()).isEqualTo(3.0);
    }

    @Test
    void anEmptyHistoryHasNoScore() {
        assertThatThrownBy(() -> ModifiedZScore.of(1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
