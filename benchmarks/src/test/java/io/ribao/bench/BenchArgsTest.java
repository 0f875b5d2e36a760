package io.ribao.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchArgsTest {

    @Test
    void givenOptionsOverrideDefaultsAndUnderscoresGroupDigits() {
        BenchArgs args = new BenchArgs(new String[] {"--units=100_000", "--roster=a.yaml"});

        assertThat(args.integer("units", 5)).isEqualTo(100_000);
        assertThat(args.text("roster", "b.yaml")).isEqualTo("a.yaml");
        assertThat(args.integer("runs", 3)).isEqualTo(3);
    }

    @Test
    void anOptionWithoutValueIsRefused() {
        assertThatThrownBy(() -> new BenchArgs(new String[] {"--units"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--units");
    }
}
