package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.day.Deadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineKeyTest {

    @Test
    void keysSortByDueTimeThenByKindAndRoundTrip() {
        DeadlineKey early = new DeadlineKey(Instant.parse("2026-03-02T08:30:00Z"), Deadline.SUBMISSION, "u/2026-03-02");
        DeadlineKey closeTie = new DeadlineKey(Instant.parse("2026-03-02T10:00:00Z"), Deadline.DAY_CLOSE, "c/2026-03-02");
        DeadlineKey bulletinTie = new DeadlineKey(Instant.parse("2026-03-02T10:00:00Z"), Deadline.BULLETIN, "z/2026-03-02");
        List<String> keys = new ArrayList<>(List.of(closeTie.encode(), bulletinTie.encode(), early.encode()));
        keys.sort(null);

        assertThat(keys).containsExactly(early.encode(), bulletinTie.encode(), closeTie.encode());
        assertThat(DeadlineKey.decode(bulletinTie.encode())).isEqualTo(bulletinTie);
    }

    @Test
    void rangeEndIncludesEverythingDueAtNowAndNothingLater() {
        Instant now = Instant.parse("2026-03-02T08:30:00Z");
        String end = DeadlineKey.endAt(now);

        assertThat(new DeadlineKey(now, Deadline.LOCK, "u/2026-03-02").encode()).isLessThan(end);
        assertThat(new DeadlineKey(now.plusMillis(1), Deadline.REMINDER, "u/2026-03-02").encode()).isGreaterThan(end);
        assertThat(DeadlineKey.start()).isLessThan(new DeadlineKey(Instant.EPOCH, Deadline.REMINDER, "a").encode());
    }
}
