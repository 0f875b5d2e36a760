package io.ribao.aggregation.rules;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.roster.QualityRules;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule 5: a unit with activity in its history reporting zero (a zero report or every figure 0) for
 * {@code zeroStreakDays} days running, today included. A day without a signed report breaks the streak: missing is
 * not zero. The finding repeats on every further zero day, so each day's bulletin can name the unit.
 */
public final class ZeroStreak {

    public static final String RULE_ID = "zero-streak";

    /**
     * @param today   the unit's signed figures for {@code date}
     * @param history the unit's history; days on or after {@code date} are ignored
     */
    public List<RuleFinding> evaluate(String unitId, LocalDate date, DayRecord today, UnitHistory history,
                                      QualityRules quality) {
        if (!today.isZero()) {
            return List.of();
        }
        int streak = 1;
        LocalDate day = date.minusDays(1);
        Optional<DayRecord> record = history.on(day);
        while (record.isPresent() && record.get().isZero()) {
            streak++;
            day = day.minusDays(1);
            record = history.on(day);
        }
        LocalDate streakStart = day.plusDays(1);
        Optional<DayRecord> lastActive = history.before(streakStart, history.days()).stream()
                .filter(r -> r.activity() > 0)
                .reduce((earlier, later) -> later);
        if (streak < quality.getZeroStreakDays() || lastActive.isEmpty()) {
            return List.of();
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("streakDays", Integer.toString(streak));
        evidence.put("threshold", Integer.toString(quality.getZeroStreakDays()));
        evidence.put("since", streakStart.toString());
        evidence.put("lastActiveDate", lastActive.get().date().toString());
        evidence.put("lastActivity", Long.toString(lastActive.get().activity()));
        return List.of(new RuleFinding(AlertType.CONCEALMENT_SUSPECTED, unitId, date, RULE_ID, Severity.WARNING,
                "zero.streak", List.of(Integer.toString(streak), streakStart.toString(),
                        lastActive.get().date().toString()), evidence));
    }
}
