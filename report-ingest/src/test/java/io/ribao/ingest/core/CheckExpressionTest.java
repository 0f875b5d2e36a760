package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckExpressionTest {

    @Test
    void comparesSumsOfMetricsAndConstants() {
        CheckExpression check = CheckExpression.parse("persons_turned_back + persons_isolated <= persons_registered - 1");

        assertThat(check.metrics()).containsExactly("persons_turned_back", "persons_isolated", "persons_registered");
        assertThat(check.holdsFor(Map.of("persons_turned_back", 2L, "persons_isolated", 1L, "persons_registered", 4L)))
                .isTrue();
        assertThat(check.holdsFor(Map.of("persons_turned_back", 2L, "persons_isolated", 2L, "persons_registered", 4L)))
                .isFalse();
    }

    @Test
    void missingMetricsCountAsZero() {
        assertThat(CheckExpression.parse("a >= b").holdsFor(Map.of())).isTrue();
        assertThat(CheckExpression.parse("a > b").holdsFor(Map.of())).isFalse();
        assertThat(CheckExpression.parse("a != 0").holdsFor(Map.of("a", 3L))).isTrue();
        assertThat(CheckExpression.parse("a == 3").holdsFor(Map.of("a", 3L))).isTrue();
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> CheckExpression.parse("a => b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckExpression.parse("a >= B")).hasMessageContaining("'B'");
        assertThatThrownBy(() -> CheckExpression.parse("a * 2 >= b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckExpression.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
