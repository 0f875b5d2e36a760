package io.ribao.aggregation.rules;

import static io.ribao.aggregation.rules.RuleFixtures.day;
import static io.ribao.aggregation.rules.RuleFixtures.history;
import static io.ribao.aggregation.rules.RuleFixtures.quality;
import static io.ribao.aggregation.rules.RuleFixtures.zeroDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.QualityRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricOutliersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final String METRIC = "persons_registered";

    private final MetricOutliers rule = new MetricOutliers(MetricNames.CODES_ONLY);
    private final QualityRules quality = quality(3.5, 5, 3);
    /** A steady 100 a day: the scale is 10, so 65 scores exactly −3.5. */
    private final UnitHistory steady = history(DAY, METRIC, 100, 100, 100, 100, 100, 100, 100);

    @Test
    void aDropScoringExactlyTheThresholdIsNotAnOutlier() {
        assertThat(rule.evaluate("cp-port", DAY, day(DAY, METRIC, 65), steady, null, quality)).isEmpty();
    }

    @Test
    void aDropJustPastTheThresholdIsAnOutlierWithItsEvidence() {
        // when
        List<RuleFinding> findings = rule.evaluate("cp-port", DAY, day(DAY, METRIC, 64), steady, null, quality);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.OUTLIER);
            assertThat(f.ruleId()).isEqualTo("outlier:persons_registered");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.alertId()).isEqualTo("OUTLIER:cp-port:2026-03-10:outlier:persons_registered");
            assertThat(f.evidence()).containsEntry("value", "64").containsEntry("median", "100.00")
                    .containsEntry("modifiedZScore", "-3.60").containsEntry("historyDays", "7")
                    .containsEntry("history", "100,100,100,100,100,100,100");
        });
    }

    @Test
    void aDropShortOfTheThresholdIsNotAnOutlier() {
        assertThat(rule.evaluate("cp-port", DAY, day(DAY, METRIC, 66), steady, null, quality)).isEmpty();
    }

    @Test
    void theThresholdComparesWithTheScoreOfAVariedHistory() {
        // given a history whose MAD is 4 and median 16, where 4 scores 0.6745·(−12)/4 = −2.0235
        UnitHistory varied = history(DAY, METRIC, 10, 12, 14, 16, 18, 20, 22);
        DayRecord today = day(DAY, METRIC, 4);

        double distance = -ModifiedZScore.of(4, List.of(10L, 12L, 14L, 16L, 18L, 20L, 22L)).score();

        // then: at the threshold no, a threshold just below the distance yes, just above no
        assertThat(rule.evaluate("cp-port", DAY, today, varied, null, quality(distance, 5, 3))).isEmpty();
        assertThat(rule.evaluate("cp-port", DAY, today, varied, null, quality(distance - 1e-4, 5, 3))).hasSize(1);
        assertThat(rule.evaluate("cp-port", DAY, today, varied, null, quality(distance + 1e-4, 5, 3))).isEmpty();
    }

    @Test
    void aDropNeedsTheMinimumDaysOfHistory() {
        // given four and five days of history, and a minimum of five
        UnitHistory four = history(DAY, METRIC, 100, 100, 100, 100);
        UnitHistory five = history(DAY, METRIC, 100, 100, 100, 100, 100);

        // then
        assertThat(rule.evaluate("cp-port", DAY, day(DAY, METRIC, 0), four, null, quality)).isEmpty();
        assertThat(rule.evaluate("cp-port", DAY, day(DAY, METRIC, 0), five, null, quality)).hasSize(1);
    }

    @Test
    void onlyTheSevenDaysBeforeTheReportCount() {
        // given 100 a day from DAY−12 to DAY−7, then on DAY−1, and today already recorded in the history
        UnitHistory history = history(DAY.minusDays(6), METRIC, 100, 100, 100, 100, 100, 100)
                .record(DAY.minusDays(1), false, Map.of(METRIC, 100L))
                .record(DAY, false, Map.of(METRIC, 0L));

        // then the window [DAY−7, DAY−1] holds two days only: too short a history
        assertThat(history.before(DAY, 7)).hasSize(2);
        assertThat(rule.evaluate("cp-port", DAY, day(DAY, METRIC, 0), history, null, quality)).isEmpty();
    }

    @Test
    void aZeroReportAfterSteadyActivityIsADrop() {
        assertThat(rule.evaluate("cp-port", DAY, zeroDay(DAY), steady, form(null), quality))
                .extracting(RuleFinding::ruleId).containsExactly("outlier:persons_registered");
    }

    @Test
    void aValueAtTheFormMaximumIsFineAndOneAboveIsAnOutlier() {
        Form form = form(200_000L);

        assertThat(rule.evaluate("cp-port", DAY, day(DAY, METRIC, 200_000), UnitHistory.empty(), form, quality))
                .isEmpty();
        assertThat(rule.evaluate("cp-port", DAY, day(DAY, METRIC, 200_001), UnitHistory.empty(), form, quality))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("outlier-max:persons_registered");
                    assertThat(f.evidence()).containsEntry("max", "200000").containsEntry("value", "200001");
                    assertThat(f.message()).contains("200001").contains("200000");
                });
    }

    @Test
    void aMetricTheReportLeavesOutIsNotJudged() {
        DayRecord other = day(DAY, "temperature_checks", 5);

        assertThat(rule.evaluate("cp-port", DAY, other, steady, form(null), quality)).isEmpty();
    }

    private static Form form(Long max) {
        return Form.newBuilder()
                .setId("checkpoint-daily")
                .setName("checkpoint")
                .setMetrics(List.of(MetricDefinition.newBuilder().setCode(METRIC).setName("实名登记人数").setMax(max)
                        .build()))
                .build();
    }
}
