package io.ribao.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 (zonky's embedded binaries) whose data directory survives restarts of the stack.
 *
 * <p>Durable (decision 449): zonky starts the server with {@code -F} (fsync off) and {@code synchronous_commit=off},
 * right for throw-away test databases; this one keeps bulletins and acknowledgements that exist nowhere else, so it
 * runs with {@code fsync=on} (a {@code -c} after zonky's {@code -F} wins) and {@code synchronous_commit=on}.
 *
 * <p>After a crash (decision 447): zonky starts the server through {@code pg_ctl}, which detaches it, so a JVM that is
 * killed (SIGKILL, the OOM killer) leaves it running with its {@code postmaster.pid} in the data directory, and the
 * next start would give up after 10 s. {@link #start} therefore first stops a server that the data directory's
 * {@code postmaster.pid} names when no live process holds the directory (zonky's {@code epg-lock}, held by the JVM
 * that started it): {@code pg_ctl stop -m fast} with the binaries the server runs from, else SIGINT (PostgreSQL's
 * fast shutdown), then a bounded wait for it to exit.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    /** zonky's lock file in the data directory, held by the JVM whose server it is for as long as it runs. */
    static final String ZONKY_LOCK = "epg-lock";
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static LocalPostgres start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir);
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("shared_buffers", "32MB")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Stops the server a dead JVM left running on {@code dataDir}, if any; does nothing when there is none, and
     * refuses (throws) when a live process still holds the directory.
     */
    static void stopOrphanedServer(Path dataDir) throws IOException {
        Optional<Long> pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (server.isEmpty()) {
            return; // a stale file: PostgreSQL itself sees that its PID is gone
        }
        Path lockFile = dataDir.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return; // not started by zonky: not ours to stop
        }
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile(), true)) {
            FileLock lock;
            try {
                lock = out.getChannel().tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL in " + dataDir + " (PID " + pid.get()
                        + ") belongs to a running process; stop that first");
            }
            try {
                ProcessHandle orphan = server.get();
                Optional<String> command = orphan.info().command();
                if (command.isEmpty()) {
                    LOG.warn("PID {} in {}/postmaster.pid is alive but cannot be inspected; leaving it alone",
                            pid.get(), dataDir);
                } else if (!Path.of(command.get()).getFileName().toString().equals("postgres")
                        || !runsIn(orphan, dataDir)) {
                    // the PID was reused by an unrelated process: the file is stale, and PostgreSQL would refuse it
                    LOG.warn("{}/postmaster.pid names PID {}, now {}: removing the stale file", dataDir, pid.get(),
                            command.get());
                    Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
                } else {
                    stop(orphan, Path.of(command.get()), dataDir);
                }
            } finally {
                lock.release(); // zonky takes it next
            }
        }
    }

    /** The PID on the first line of {@code postmaster.pid}, if the file is there and well formed. */
    static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the postmaster's working directory (it changes into its data directory) is {@code dataDir}. */
    private static boolean runsIn(ProcessHandle server, Path dataDir) {
        try {
            return Path.of("/proc", String.valueOf(server.pid()), "cwd").toRealPath().equals(dataDir.toRealPath());
        } catch (IOException | SecurityException e) {
            return true; // no /proc to ask: it is a postgres named by this directory's own pid file
        }
    }

    private static void stop(ProcessHandle orphan, Path postgresBinary, Path dataDir) throws IOException {
        LOG.warn("PostgreSQL (PID {}) is still running on {} after the JVM that started it died; stopping it",
                orphan.pid(), dataDir);
        Path pgCtl = postgresBinary.resolveSibling("pg_ctl");
        boolean asked = Files.isExecutable(pgCtl)
                && run(List.of(pgCtl.toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w",
                        "-t", String.valueOf(ORPHAN_STOP_TIMEOUT.toSeconds())));
        if (!asked) {
            // SIGINT is PostgreSQL's fast shutdown; ProcessHandle can only send SIGTERM (smart), the fallback
            if (!run(List.of("kill", "-INT", String.valueOf(orphan.pid())))) {
                orphan.destroy();
            }
        }
        try {
            orphan.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (PID " + orphan.pid() + ") left running on " + dataDir
                    + " did not stop within " + ORPHAN_STOP_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for PostgreSQL (PID " + orphan.pid() + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL (PID " + orphan.pid() + ")", e);
        }
        LOG.info("the PostgreSQL left running on {} stopped; starting it again", dataDir);
    }

    /** Runs a command to its end (bounded); whether it exited 0. */
    private static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(ORPHAN_STOP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            LOG.debug("{} exited {}", command, process.exitValue());
            return process.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("cannot run {}: {}", command.get(0), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
