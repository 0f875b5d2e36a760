package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run command's options; relative paths are the caller's (decision 446). */
class LocalOptionsTest {

    private static final Path CALLER = Path.of("/tmp/caller");

    @Test
    void aRelativeRosterAndDataDirAreTakenInTheCallersDirectory() {
        LocalOptions o = LocalOptions.parse(CALLER, "--roster", "demo-roster.yaml", "--data-dir", "d");

        assertThat(o.roster()).isEqualTo(Path.of("/tmp/caller/demo-roster.yaml"));
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/caller/d"));
    }

    @Test
    void dotDotAndAbsolutePathsResolveAsAShellWould() {
        LocalOptions o = LocalOptions.parse(CALLER, "--roster", "../rosters/county.yaml", "--data-dir", "/var/ribao");

        assertThat(o.roster()).isEqualTo(Path.of("/tmp/rosters/county.yaml"));
        assertThat(o.dataDir()).isEqualTo(Path.of("/var/ribao"));
    }

    @Test
    void theDefaultsStayInTheRepositoryWhateverTheCallersDirectory() {
        LocalOptions o = LocalOptions.parse(CALLER, "--ingest-port", "18080");

        // relative: the JVM's working directory, where ribao-local runs it (the repository) — README's ./data
        assertThat(o.roster()).isEqualTo(Path.of("infra/local/demo-roster.yaml"));
        assertThat(o.dataDir()).isEqualTo(Path.of("data"));
        assertThat(o.ingestPort()).isEqualTo(18080);
        assertThat(o.bulletinPort()).isEqualTo(8088);
    }

    @Test
    void theCallersDirectoryComesFromTheLauncherElseItIsTheWorkingDirectory() {
        Path working = Path.of("").toAbsolutePath();

        assertThat(LocalOptions.callerDir(Map.of(LocalOptions.CALLER_DIR, "/tmp/x"))).isEqualTo(Path.of("/tmp/x"));
        assertThat(LocalOptions.callerDir(Map.of())).isEqualTo(working);
        assertThat(LocalOptions.callerDir(Map.of(LocalOptions.CALLER_DIR, ""))).isEqualTo(working);
    }

    @Test
    void anUnknownOptionOrAMissingValueIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> LocalOptions.parse(CALLER, "--data-dir"))
                .hasMessageStartingWith("--data-dir needs a value").hasMessageContaining("usage: ribao-local");
        assertThatThrownBy(() -> LocalOptions.parse(CALLER, "--datadir", "x"))
                .hasMessageStartingWith("unknown option --datadir");
    }
}
