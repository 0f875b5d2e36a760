package io.ribao.aggregation.rules;

import static io.ribao.aggregation.rules.RuleFixtures.day;
import static io.ribao.aggregation.rules.RuleFixtures.quality;
import static io.ribao.aggregation.rules.RuleFixtures.zeroDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.roster.QualityRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZeroStreakTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final String METRIC = "illegal_crossings_stopped";

    private final ZeroStreak rule = new ZeroStreak();
    private final QualityRules quality = quality(3.5, 5, 3);

    @Test
    void oneZeroDayShortOfTheStreakIsNotSuspicious() {
        // given activity, then one zero day before today's zero: a streak of 2 against 3
        UnitHistory history = active(DAY.minusDays(2)).record(DAY.minusDays(1), true, Map.of());

        assertThat(rule.evaluate("pt-river", DAY, zeroDay(DAY), history, quality)).isEmpty();
    }

    @Test
    void zeroForExactlyTheStreakDaysAfterActivityIsSuspected() {
        // given activity on DAY−3, then zero on DAY−2 and DAY−1 (all figures 0), and a zero report today
        UnitHistory history = active(DAY.minusDays(3))
                .record(DAY.minusDays(2), true, Map.of())
                .record(DAY.minusDays(1), false, Map.of(METRIC, 0L));

        // when
        List<RuleFinding> findings = rule.evaluate("pt-river", DAY, zeroDay(DAY), history, quality);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.CONCEALMENT_SUSPECTED);
            assertThat(f.ruleId()).isEqualTo("zero-streak");
            assertThat(f.evidence()).containsEntry("streakDays", "3").containsEntry("since", "2026-03-08")
                    .containsEntry("lastActiveDate", "2026-03-07").containsEntry("lastActivity", "12");
        });
    }

    @Test
    void aStreakLongerThanTheThresholdIsStillSuspected() {
        UnitHistory history = active(DAY.minusDays(4));
        for (int i = 3; i >= 1; i--) {
            history = history.record(DAY.minusDays(i), true, Map.of());
        }

        assertThat(rule.evaluate("pt-river", DAY, zeroDay(DAY), history, quality))
                .singleElement().extracting(f -> f.evidence().get("streakDays")).isEqualTo("4");
    }

    @Test
    void aUnitThatNeverReportedActivityMayReportZeroForever() {
        UnitHistory history = UnitHistory.empty();
        for (int i = 10; i >= 1; i--) {
            history = history.record(DAY.minusDays(i), true, Map.of());
        }

        assertThat(rule.evaluate("pt-river", DAY, zeroDay(DAY), history, quality)).isEmpty();
    }

    @Test
    void aDayWithoutASignedReportBreaksTheStreak() {
        // given activity, zero on DAY−3 and DAY−1 but nothing signed on DAY−2
        UnitHistory history = active(DAY.minusDays(4))
                .record(DAY.minusDays(3), true, Map.of())
                .record(DAY.minusDays(1), true, Map.of());

        assertThat(rule.evaluate("pt-river", DAY, zeroDay(DAY), history, quality)).isEmpty();
    }

    @Test
    void aDayWithActivityIsNoStreak() {
        UnitHistory history = active(DAY.minusDays(3))
                .record(DAY.minusDays(2), true, Map.of())
                .record(DAY.minusDays(1), true, Map.of());

        assertThat(rule.evaluate("pt-river", DAY, day(DAY, METRIC, 1), history, quality)).isEmpty();
    }

    private static UnitHistory active(LocalDate date) {
        return UnitHistory.empty().record(date, false, Map.of(METRIC, 12L));
    }
}
