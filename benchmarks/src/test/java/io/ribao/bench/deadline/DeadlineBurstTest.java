package io.ribao.bench.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineBurstTest {

    private static final Duration RUN = Duration.ofMinutes(62);

    @Test
    void shanghaiWhileItsDayHasRoomForTheRun() {
        Instant start = Instant.parse("2026-11-23T06:00:00Z"); // 14:00 in Shanghai

        assertThat(DeadlineBurst.zoneWithRoomFor(start, start.plus(RUN))).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aMorningOffsetWhenShanghaisDayWouldTurnDuringTheRun() {
        Instant start = Instant.parse("2026-11-23T15:30:00Z"); // 23:30 in Shanghai

        ZoneId zone = DeadlineBurst.zoneWithRoomFor(start, start.plus(RUN));

        assertThat(zone).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(LocalDate.ofInstant(start.plus(RUN), zone)).isEqualTo(LocalDate.ofInstant(start, zone));
    }

    @Test
    void everyHourOfTheDayLeavesTheRunInsideOneLocalDay() {
        Instant midnight = Instant.parse("2026-11-23T00:00:00Z");
        for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
            Instant start = midnight.plus(Duration.ofMinutes(minutes));
            ZoneId zone = DeadlineBurst.zoneWithRoomFor(start, start.plus(RUN));
            assertThat(LocalDate.ofInstant(start.plus(RUN), zone)).as("start %s in %s", start, zone)
                    .isEqualTo(LocalDate.ofInstant(start, zone));
        }
    }
}
