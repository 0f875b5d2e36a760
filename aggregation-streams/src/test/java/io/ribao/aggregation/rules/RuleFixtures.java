package io.ribao.aggregation.rules;

import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.QualityRules;
import io.ribao.schemas.roster.ReconciliationRule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Quality thresholds, histories and a jurisdiction for the rule tests. */
final class RuleFixtures {

    private RuleFixtures() {
    }

    static QualityRules quality(double zScore, int minHistoryDays, int zeroStreakDays) {
        return QualityRules.newBuilder()
                .setOutlierZScore(zScore)
                .setOutlierMinHistoryDays(minHistoryDays)
                .setZeroStreakDays(zeroStreakDays)
                .build();
    }

    static QualityRules defaults() {
        return QualityRules.newBuilder().build();
    }

    /** A history with {@code metric} at each value on the days just before {@code day}, oldest first. */
    static UnitHistory history(LocalDate day, String metric, long... values) {
        UnitHistory history = UnitHistory.empty();
        for (int i = 0; i < values.length; i++) {
            history = history.record(day.minusDays(values.length - i), false, Map.of(metric, values[i]));
        }
        return history;
    }

    static DayRecord day(LocalDate date, String metric, long value) {
        return new DayRecord(date, false, Map.of(metric, value));
    }

    static DayRecord zeroDay(LocalDate date) {
        return new DayRecord(date, true, Map.of());
    }

    static Jurisdiction jurisdiction(QualityRules quality, List<ReconciliationRule> reconciliation) {
        return Jurisdiction.newBuilder()
                .setId("demo-county")
                .setName("demo")
                .setTimezone("Asia/Shanghai")
                .setOffice("office")
                .setReminder("15:30:00")
                .setSubmission("16:30:00")
                .setBulletin("18:00:00")
                .setAmendDays(3)
                .setQuality(quality)
                .setReconciliation(reconciliation)
                .build();
    }
}
