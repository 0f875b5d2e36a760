package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReportingDayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final ReportingDay day = new ReportingDay(SHANGHAI, LocalTime.of(16, 30), LocalTime.of(18, 0), 3);
    private final LocalDate d = LocalDate.parse("2026-03-02");

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
    }

    @Test
    void dayOpensAtLocalMidnightNotUtcMidnight() {
        assertThat(day.notYetOpen(d, at("2026-03-01T23:59:59"))).isTrue();
        assertThat(day.notYetOpen(d, at("2026-03-02T00:00:00"))).isFalse();
    }

    @Test
    void dayLocksWhenTheAmendmentDaysAreOver() {
        assertThat(day.locked(d, at("2026-03-05T23:59:59"))).isFalse();
        assertThat(day.locked(d, at("2026-03-06T00:00:00"))).isTrue();
    }

    @Test
    void timelinessIsDecidedAtTheSubmissionDeadline() {
        assertThat(day.timelinessOf(d, at("2026-03-02T16:30:00"))).isEqualTo(Timeliness.ON_TIME);
        assertThat(day.timelinessOf(d, at("2026-03-02T16:30:01"))).isEqualTo(Timeliness.LATE);
    }

    @Test
    void afterTheBulletinDeadlineIsAfterCutoff() {
        assertThat(day.afterCutoff(d, at("2026-03-02T18:00:00"))).isFalse();
        assertThat(day.afterCutoff(d, at("2026-03-02T18:00:01"))).isTrue();
    }

    @Test
    void instantsAreFormattedWithTheJurisdictionsOffset() {
        assertThat(day.format(at("2026-03-02T16:05:00"))).isEqualTo("2026-03-02T16:05:00+08:00");
    }
}
