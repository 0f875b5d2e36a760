package io.ribao.aggregation.day;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.RosterFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineMovesTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);
    private final DeadlineSettings before = DeadlineSettings.of(RosterFixtures.jurisdiction().build());
    private final List<Deadline> unitDeadlines =
            List.of(Deadline.REMINDER, Deadline.SUBMISSION, Deadline.BULLETIN, Deadline.LOCK);

    @Test
    void settingsSurviveTheirEncoding() {
        assertThat(DeadlineSettings.decode(before.encode())).isEqualTo(before);
    }

    @Test
    void onlyTheDeadlinesWhoseTimeChangesMove() {
        DeadlineSettings after = new DeadlineSettings(before.timezone(), before.reminder(), "17:00:00",
                before.bulletin(), 5);

        List<DeadlineMoves.Move> moves = DeadlineMoves.of(before, after, D, unitDeadlines, Instant.EPOCH);

        assertThat(moves).containsExactly(
                new DeadlineMoves.Move(Deadline.SUBMISSION, Instant.parse("2026-03-02T08:30:00Z"),
                        Instant.parse("2026-03-02T09:00:00Z")),
                new DeadlineMoves.Move(Deadline.LOCK, Instant.parse("2026-03-05T16:00:00Z"),
                        Instant.parse("2026-03-07T16:00:00Z")));
    }

    @Test
    void aDeadlineAlreadyAppliedStaysWhereItWas() {
        DeadlineSettings after = new DeadlineSettings(before.timezone(), "14:00:00", "17:00:00", before.bulletin(),
                before.amendDays());

        // at 16:00 the 15:30 reminder has been applied, the 16:30 submission has not
        List<DeadlineMoves.Move> moves = DeadlineMoves.of(before, after, D, unitDeadlines,
                Instant.parse("2026-03-02T08:00:00Z"));

        assertThat(moves).extracting(DeadlineMoves.Move::kind).containsExactly(Deadline.SUBMISSION);
    }
}
