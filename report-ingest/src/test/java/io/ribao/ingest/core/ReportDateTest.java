package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reading of a report's date agrees with ISO_LOCAL_DATE on every ten-character text. */
class ReportDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14", "2024-02-29", "0000-01-01", "9999-12-31", "2026-12-31"})
    void aValidDateIsRead(String text) {
        assertThat(ReportValidator.tryDate(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-03-00", "2026/03/14",
            "2026-3-14x", "20260314xx", "+026-03-14", "2026-03-1a", "２０２６-03-14", "", "2026-03-140"})
    void anythingElseIsNoDate(String text) {
        assertThat(ReportValidator.tryDate(text)).isNull();
    }

    @Test
    void agreesWithTheIsoFormatterOnRandomTexts() {
        Random random = new Random(20261123);
        String alphabet = "0123456789-+/ a";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            if (random.nextBoolean()) {
                text.append(String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14),
                        random.nextInt(33)));
            } else {
                for (int c = 0; c < 10; c++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertThat(ReportValidator.tryDate(text.toString())).as(text.toString()).isEqualTo(iso(text.toString()));
        }
    }

    private static LocalDate iso(String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
