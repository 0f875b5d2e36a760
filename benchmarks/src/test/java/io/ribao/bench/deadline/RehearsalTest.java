package io.ribao.bench.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RehearsalTest {

    @Test
    void aRehearsalUnitsAlertsAreCountedApart() {
        assertThat(Rehearsal.label("MISSING:r-vil-000001:2026-12-06")).isEqualTo("rehearsal MISSING");
        assertThat(Rehearsal.label("DUE_SOON:r-bench-rehearsal:2026-12-06")).isEqualTo("rehearsal DUE_SOON");
        assertThat(Rehearsal.label("MISSING:vil-000001:2026-12-06")).isEqualTo("MISSING");
        assertThat(Rehearsal.label("OUTLIER:twn-0001:2026-12-06:outlier-nucleic")).isEqualTo("OUTLIER");
    }

    @Test
    void theRehearsalsDeadlineIsItsJurisdictionsSubmissionTime() {
        Instant start = Instant.parse("2026-12-06T02:00:00Z");
        Rehearsal rehearsal = Rehearsal.of(50, start, start.plusSeconds(90), ZoneId.of("Asia/Shanghai"),
                LocalDate.of(2026, 11, 1));

        assertThat(rehearsal.units()).isEqualTo(50);
        assertThat(rehearsal.roster().jurisdiction().getReminder()).isEqualTo("10:00:00");
        assertThat(rehearsal.roster().jurisdiction().getSubmission()).isEqualTo("10:01:30");
        assertThat(rehearsal.roster().jurisdiction().getBulletin()).isEqualTo("11:01:30");
        assertThat(rehearsal.roster().units()).allSatisfy(u -> assertThat(u.getId()).startsWith(Rehearsal.PREFIX));
    }
}
