package io.ribao.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunCommandFlagsTest {

    @Test
    void theOptionsBeforeTheClassPathAreTakenAcrossAContinuationLine() {
        String script = """
                #!/usr/bin/env bash
                set -euo pipefail
                exec java -Xms256m -Xmx768m -XX:+UseSerialGC \\
                  -Dfile.encoding=UTF-8 -cp "$jar:lib/*" io.ribao.local.RibaoLocal "$@"
                """;

        assertThat(RunCommandFlags.parse(script))
                .containsExactly("-Xms256m", "-Xmx768m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8");
    }

    @Test
    void theRepositorysRunCommandGivesItsHeapAndCodeCache() throws Exception {
        assertThat(RunCommandFlags.of(Path.of("..", "ribao-local")))
                .contains("-XX:ReservedCodeCacheSize=240m")
                .anySatisfy(flag -> assertThat(flag).startsWith("-Xmx"))
                .allSatisfy(flag -> assertThat(flag).startsWith("-"));
    }

    @Test
    void aScriptWithoutTheJavaLineIsRefused() {
        assertThatThrownBy(() -> RunCommandFlags.parse("#!/bin/sh\necho hi\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exec java");
    }
}
