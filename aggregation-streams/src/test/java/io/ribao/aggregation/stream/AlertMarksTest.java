package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertMarksTest {

    private static final String MISSING = "MISSING:u1:2026-11-23";
    private static final String DUE_SOON = "DUE_SOON:u1:2026-11-23";

    @Test
    void anAlertIsRaisedOnceAndResolvedOnce() {
        AlertMarks marks = AlertMarks.decode(null);

        assertThat(marks.raise(MISSING)).isTrue();
        assertThat(marks.raise(MISSING)).isFalse();
        assertThat(marks.resolve(MISSING)).isTrue();
        assertThat(marks.resolve(MISSING)).isFalse();
    }

    @Test
    void aResolvedAlertIsNeverRaisedAgain() {
        AlertMarks marks = AlertMarks.decode(null);
        marks.raise(MISSING);
        marks.resolve(MISSING);

        assertThat(marks.raise(MISSING)).isFalse();
    }

    @Test
    void anAlertNeverRaisedIsNotResolved() {
        assertThat(AlertMarks.decode(null).resolve(MISSING)).isFalse();
    }

    @Test
    void theMarksSurviveTheirEncoding() {
        AlertMarks marks = AlertMarks.decode(null);
        marks.raise(DUE_SOON);
        marks.raise(MISSING);
        marks.resolve(DUE_SOON);

        String value = marks.encode();
        AlertMarks decoded = AlertMarks.decode(value);

        assertThat(value).isEqualTo("X" + DUE_SOON + "\nR" + MISSING);
        assertThat(decoded.raise(DUE_SOON)).isFalse();
        assertThat(decoded.resolve(DUE_SOON)).isFalse();
        assertThat(decoded.resolve(MISSING)).isTrue();
    }

    @Test
    void aCorruptValueIsRefused() {
        assertThatThrownBy(() -> AlertMarks.decode("?what")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt alert mark");
    }
}
