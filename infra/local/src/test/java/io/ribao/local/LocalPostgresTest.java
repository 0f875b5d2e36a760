package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.broker.ChildJvm;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dir;

    private ChildJvm child;

    /** Whatever a failed test left: the child JVM, and a server it left running (SIGTERM, as a last resort). */
    @AfterEach
    void cleanUp() throws Exception {
        if (child != null && child.isAlive()) {
            child.kill();
        }
        Optional<ProcessHandle> left = LocalPostgres.postmasterPid(dir.resolve("pg")).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (left.isPresent()) {
            left.get().destroy();
            left.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void rowsWrittenBeforeARestartAreThereAfterIt() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("pg"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            c.createStatement().execute("create table t(v text)");
            c.createStatement().execute("insert into t values ('日报')");
        }
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("pg"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("select v from t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("日报");
        }
    }

    /** Decision 449: zonky's defaults (-F, synchronous_commit=off) are for throw-away databases, not this one. */
    @Test
    void commitsAreFlushedToDisk() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("pg"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "full_page_writes")).isEqualTo("on");
        }
    }

    /**
     * Decision 447: pg_ctl detaches the server, so a JVM killed with SIGKILL leaves it running on the data directory;
     * the next start stops it and starts again, the rows committed before the crash still there.
     */
    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndTheNextStartSucceeds() throws Exception {
        Path pgData = dir.resolve("pg");
        child = ChildJvm.start(RunsLocalPostgres.class, List.of("-Xmx96m", "-XX:TieredStopAtLevel=1"),
                List.of(pgData.toString()), dir.resolve("child.log"), RunsLocalPostgres.READY)
                .awaitReady(Duration.ofSeconds(60));
        long orphan = LocalPostgres.postmasterPid(pgData).orElseThrow();
        child.kill();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the server outlives the JVM")
                .contains(true);

        try (LocalPostgres pg = LocalPostgres.start(pgData);
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("select v from t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("崩溃之前");
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .as("the old server is gone").isFalse();
            assertThat(LocalPostgres.postmasterPid(pgData)).isPresent().isNotEqualTo(Optional.of(orphan));
        }
    }

    /** A server whose JVM is alive is not an orphan: a second start refuses instead of stopping it. */
    @Test
    void aServerOfALiveJvmIsLeftAlone() throws Exception {
        Path pgData = dir.resolve("pg");
        child = ChildJvm.start(RunsLocalPostgres.class, List.of("-Xmx96m", "-XX:TieredStopAtLevel=1"),
                List.of(pgData.toString()), dir.resolve("child.log"), RunsLocalPostgres.READY)
                .awaitReady(Duration.ofSeconds(60));
        long server = LocalPostgres.postmasterPid(pgData).orElseThrow();

        assertThatThrownBy(() -> LocalPostgres.start(pgData)).hasMessageContaining("belongs to a running process");
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
    }

    private static String setting(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
