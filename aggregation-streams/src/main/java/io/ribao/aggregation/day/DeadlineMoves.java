package io.ribao.aggregation.day;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the deadlines of an open day go when its jurisdiction's settings change: each one not applied yet whose time
 * changes moves from its old time to its new one. One already applied stays applied (a MISSING raised at the old 16:30
 * is resolved as usual by a signature before the new time, which the signature's timeliness then reads).
 */
public final class DeadlineMoves {

    /** A deadline of the day moved from one instant to another. */
    public record Move(Deadline kind, Instant from, Instant to) {
    }

    private DeadlineMoves() {
    }

    /** The moves of {@code kinds} of {@code date}'s deadlines, of those due after {@code appliedUpTo}. */
    public static List<Move> of(DeadlineSettings before, DeadlineSettings after, LocalDate date, List<Deadline> kinds,
                                Instant appliedUpTo) {
        DaySchedule was = DaySchedule.of(before, date);
        DaySchedule is = DaySchedule.of(after, date);
        List<Move> moves = new ArrayList<>();
        for (Deadline kind : kinds) {
            Instant from = was.at(kind);
            Instant to = is.at(kind);
            if (!from.equals(to) && from.isAfter(appliedUpTo)) {
                moves.add(new Move(kind, from, to));
            }
        }
        return moves;
    }
}
