package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two launch scripts, run by the shell with a stub {@code java} first on the PATH that prints what it was given:
 * the image's {@code infra/docker/entrypoint.sh}, and {@code ribao-local} — a copy of it in a scratch repository with
 * a stub {@code mvnw}, so nothing here builds the real one.
 */
class LaunchScriptsTest {

    private static final Path REPO = repositoryRoot();
    private static final String BULLETIN_CONFIG = "/opt/ribao/bulletin-service/config.yml";
    private static final String JAR = "infra/local/target/ribao-local.jar";
    private static final FileTime BEFORE = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    private static final FileTime BUILT = FileTime.from(Instant.parse("2026-01-02T00:00:00Z"));
    private static final FileTime AFTER = FileTime.from(Instant.parse("2026-01-03T00:00:00Z"));

    @TempDir
    Path dir;

    private Path stubs;

    @BeforeEach
    void stubJava() throws IOException {
        stubs = executable(dir.resolve("bin/java"), """
                #!/bin/sh
                echo "cwd=$PWD"
                echo "caller=${RIBAO_CALLER_DIR:-}"
                for a in "$@"; do echo "$a"; done
                """).getParent();
    }

    // ---------------------------------------------------------------- infra/docker/entrypoint.sh

    static Stream<Arguments> entrypointCommands() {
        return Stream.of(
                Arguments.of(List.of("bulletin-rebuild"), List.of("rebuild", BULLETIN_CONFIG)),
                Arguments.of(List.of("bulletin-rebuild", "--allow-truncated-log"),
                        List.of("rebuild", BULLETIN_CONFIG, "--allow-truncated-log")),
                Arguments.of(List.of("bulletin-rebuild", "--progress-step", "5"),
                        List.of("rebuild", BULLETIN_CONFIG, "--progress-step", "5")),
                Arguments.of(List.of("bulletin-rebuild", "/etc/ribao/bulletin.yml", "--allow-truncated-log"),
                        List.of("rebuild", "/etc/ribao/bulletin.yml", "--allow-truncated-log")),
                Arguments.of(List.of("bulletin-service"), List.of("server", BULLETIN_CONFIG)),
                Arguments.of(List.of("bulletin-db-migrate", "/etc/ribao/bulletin.yml"),
                        List.of("db", "migrate", "/etc/ribao/bulletin.yml")),
                Arguments.of(List.of("report-ingest"), List.of("server", "/opt/ribao/report-ingest/config.yml")),
                Arguments.of(List.of("aggregation-streams"), List.of("/opt/ribao/aggregation-streams/config.yml")),
                Arguments.of(List.of("mint-token"), List.of("mint-token")));
    }

    /** The configuration path always comes right after the command, before any option (the bundled one if none). */
    @ParameterizedTest
    @MethodSource("entrypointCommands")
    void theImageEntrypointPutsTheConfigurationBeforeTheOptions(List<String> args, List<String> expected)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", REPO.resolve("infra/docker/entrypoint.sh").toString()));
        command.addAll(args);

        Run run = run(command, dir, Map.of("JAVA_OPTS", "-Xmx1g -Dx=y"));

        assertThat(run.exit).as(run.toString()).isZero();
        List<String> java = run.javaArgs();
        assertThat(java.subList(0, 3)).containsExactly("-Xmx1g", "-Dx=y", "-cp");
        // the main class, then what it is given
        assertThat(java.subList(5, java.size())).as(run.toString()).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- ribao-local

    @Test
    void theLauncherRunsJavaInTheRepositoryTellingItWhereItWasCalledFrom() throws Exception {
        Path repo = scratchRepository();
        Path caller = Files.createDirectories(dir.resolve("somewhere/else"));

        Run run = run(List.of(repo.resolve("ribao-local").toString(), "--roster", "r.yaml", "--data-dir", "d"),
                caller, Map.of());

        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(run.stdout).startsWith("cwd=" + repo + "\ncaller=" + caller + "\n");
        assertThat(run.stdout).endsWith("io.ribao.local.RibaoLocal\n--roster\nr.yaml\n--data-dir\nd\n");
        assertThat(run.stderr).doesNotContain("rebuilding");
        assertThat(repo.resolve("mvnw.calls")).doesNotExist();
    }

    @Test
    void aSourceFileOrPomNewerThanTheJarMakesItRebuildFirstAndSaySoOnce() throws Exception {
        Path repo = scratchRepository();
        Files.setLastModifiedTime(repo.resolve("schemas/src/main/avro/report.avsc"), AFTER);

        Run run = run(List.of(repo.resolve("ribao-local").toString()), dir, Map.of());

        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(run.stderr.lines().filter(l -> l.contains("rebuilding")).toList()).containsExactly(
                "ribao-local: rebuilding (schemas/src/main/avro/report.avsc is newer than " + JAR
                        + "): ./mvnw -q -B -DskipTests install");
        assertThat(Files.readString(repo.resolve("mvnw.calls"))).isEqualTo("-q -B -DskipTests install\n");
        assertThat(run.stdout).contains("io.ribao.local.RibaoLocal");
        // the jar now carries the time the build started, so the next start does not build again
        Run again = run(List.of(repo.resolve("ribao-local").toString()), dir, Map.of());
        assertThat(again.stderr).doesNotContain("rebuilding");
    }

    @Test
    void theStalenessCheckLooksAtPomsAndMainSourcesOnly() throws Exception {
        Path repo = scratchRepository();
        String check = "source \"$1\"; cd \"$2\"; newer_source " + JAR;
        List<String> command = List.of("bash", "-c", check, "check", repo.resolve("ribao-local").toString(),
                repo.toString());

        assertThat(run(command, dir, Map.of()).stdout).isEmpty();

        // tests, docs and build output are not what the jar is built from
        for (String file : List.of("infra/local/src/test/java/io/ribao/local/SomeTest.java", "docs/operations.md",
                "infra/local/target/classes/META-INF/maven/io.ribao/local-stack/pom.xml")) {
            Files.setLastModifiedTime(repo.resolve(file), AFTER);
        }
        assertThat(run(command, dir, Map.of()).stdout).isEmpty();

        Files.setLastModifiedTime(repo.resolve("infra/local/pom.xml"), AFTER);
        assertThat(run(command, dir, Map.of()).stdout).isEqualTo("./infra/local/pom.xml\n");
        Files.setLastModifiedTime(repo.resolve("infra/local/pom.xml"), BEFORE);

        Files.setLastModifiedTime(repo.resolve("infra/local/src/main/resources/local/bulletin-service.yml"), AFTER);
        assertThat(run(command, dir, Map.of()).stdout)
                .isEqualTo("./infra/local/src/main/resources/local/bulletin-service.yml\n");
    }

    @Test
    void ribaoRebuildStillForcesABuildAndAMissingJarStillMakesOne() throws Exception {
        Path repo = scratchRepository();

        Run forced = run(List.of(repo.resolve("ribao-local").toString()), dir, Map.of("RIBAO_REBUILD", "1"));
        assertThat(forced.stderr).contains("ribao-local: rebuilding (RIBAO_REBUILD=1)");

        Files.delete(repo.resolve(JAR));
        Run missing = run(List.of(repo.resolve("ribao-local").toString()), dir, Map.of());
        assertThat(missing.stderr).contains("ribao-local: rebuilding (" + JAR + " is missing)");
        assertThat(Files.readAllLines(repo.resolve("mvnw.calls"))).hasSize(2);
        assertThat(missing.stdout).contains("io.ribao.local.RibaoLocal");
    }

    /** A repository of two modules, everything older than the jar; its mvnw records its arguments and makes the jar. */
    private Path scratchRepository() throws IOException {
        Path repo = dir.resolve("repo");
        List<String> files = List.of("pom.xml", "schemas/pom.xml", "schemas/src/main/avro/report.avsc",
                "infra/local/pom.xml", "infra/local/src/main/java/io/ribao/local/RibaoLocal.java",
                "infra/local/src/main/resources/local/bulletin-service.yml",
                "infra/local/src/test/java/io/ribao/local/SomeTest.java", "docs/operations.md",
                "infra/local/target/classes/META-INF/maven/io.ribao/local-stack/pom.xml");
        for (String file : files) {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.writeString(repo.resolve(file), file);
            Files.setLastModifiedTime(repo.resolve(file), BEFORE);
        }
        Files.copy(REPO.resolve("ribao-local"), repo.resolve("ribao-local"), StandardCopyOption.COPY_ATTRIBUTES);
        executable(repo.resolve("mvnw"), """
                #!/bin/sh
                echo "$*" >> mvnw.calls
                mkdir -p infra/local/target && echo jar > infra/local/target/ribao-local.jar
                """);
        Files.createDirectories(repo.resolve(JAR).getParent());
        Files.writeString(repo.resolve(JAR), "jar");
        Files.setLastModifiedTime(repo.resolve(JAR), BUILT);
        return repo;
    }

    private record Run(int exit, String stdout, String stderr) {

        /** The arguments the stub java printed after its two lines about where it runs. */
        List<String> javaArgs() {
            List<String> lines = stdout.lines().toList();
            return lines.subList(2, lines.size());
        }
    }

    private Run run(List<String> command, Path workingDir, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("RIBAO_REBUILD");
        builder.environment().remove("RIBAO_CALLER_DIR");
        builder.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " still runs after 60 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("infra"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root (with mvnw and infra/) above " + Path.of("").toAbsolutePath());
    }
}
