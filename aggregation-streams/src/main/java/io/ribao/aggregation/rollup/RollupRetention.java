package io.ribao.aggregation.rollup;

import io.ribao.aggregation.day.DaySchedule;
import io.ribao.schemas.roster.Jurisdiction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How long a node's roll-up of a day stays in the roll-up task's stores: until an hour after the day locks. The lock's
 * own punctuation sends the last shares of the day (a revision signed in its last moments, judged and shared then), and
 * they reach the roll-up task through the repartition topic after that task's own punctuation of the same moment; kept
 * a while longer, the day's totals take them. A share that still comes after the day is forgotten is ignored: applied
 * to empty stores it would start the day's totals afresh and publish a roll-up of that one unit as the day's last.
 */
public final class RollupRetention {

    /** How long after a day locks its roll-up is kept. */
    public static final Duration AFTER_LOCK = Duration.ofHours(1);

    private RollupRetention() {
    }

    /** The newest day of the jurisdiction whose roll-ups are forgotten at {@code now}; older days are too. */
    public static LocalDate newestForgotten(Jurisdiction jurisdiction, Instant now) {
        return DaySchedule.today(jurisdiction, now.minus(AFTER_LOCK)).minusDays(jurisdiction.getAmendDays() + 1L);
    }
}
