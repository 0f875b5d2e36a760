package io.ribao.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resident memory of the local stack: its JVM and all the JVM's descendants, and its PostgreSQL. zonky starts
 * PostgreSQL through {@code pg_ctl}, which detaches the server (re-parented to PID 1), so it is not among the JVM's
 * descendants: it is found through {@code <data-dir>/postgres/postmaster.pid} (the data directory from the JVM's
 * command line, see {@link #dataDir}), and the postmaster and all its children (backends, checkpointer, WAL writer, …) are counted. Linux only (/proc). Each
 * PostgreSQL process's VmRSS includes the pages of shared memory it has touched, so shared buffers can be counted more
 * than once: for PostgreSQL the figure is an upper bound.
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** The summed VmRSS in bytes of the stack's JVM {@code root}, its descendants and its PostgreSQL server. */
    public static long residentBytes(ProcessHandle root) {
        Stream<ProcessHandle> jvm = Stream.concat(Stream.of(root), root.descendants());
        Stream<ProcessHandle> postgres = postmaster(root)
                .map(p -> Stream.concat(Stream.of(p), p.descendants())).orElseGet(Stream::empty);
        return Stream.concat(jvm, postgres)
                .mapToLong(ProcessHandle::pid)
                .distinct() // a server not (yet) detached is a descendant as well
                .map(pid -> vmRssKilobytes(pid) * 1024)
                .sum();
    }

    /** The live postmaster of the stack's data directory, if its {@code postmaster.pid} names one. */
    private static Optional<ProcessHandle> postmaster(ProcessHandle root) {
        Path pidFile = dataDir(root).resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // not started yet, or stopped: no server to count
        }
    }

    /**
     * The stack's data directory as {@code io.ribao.local.LocalOptions} takes it: {@code --data-dir}, relative to the
     * directory {@code ribao-local} was called from ({@code RIBAO_CALLER_DIR} in the JVM's environment) or else to the
     * JVM's working directory; without the option {@code data} in the working directory.
     */
    private static Path dataDir(ProcessHandle root) {
        String[] args = arguments(root);
        String given = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--data-dir")) {
                given = args[i + 1];
            }
        }
        Path proc = Path.of("/proc", String.valueOf(root.pid()));
        Path workingDir;
        try {
            workingDir = Files.readSymbolicLink(proc.resolve("cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            workingDir = Path.of("").toAbsolutePath();
        }
        if (given == null) {
            return workingDir.resolve("data");
        }
        Path base = workingDir;
        try {
            for (String variable : Files.readString(proc.resolve("environ")).split("\0")) {
                if (variable.startsWith("RIBAO_CALLER_DIR=") && variable.length() > "RIBAO_CALLER_DIR=".length()) {
                    base = workingDir.resolve(variable.substring("RIBAO_CALLER_DIR=".length()));
                }
            }
        } catch (IOException e) {
            // no environment to read: the working directory
        }
        return base.resolve(given);
    }

    /**
     * The JVM's command line from {@code /proc/<pid>/cmdline}: {@code ProcessHandle.Info.arguments()} came back empty
     * for the stack's JVM, whose class path runs to tens of kilobytes.
     */
    private static String[] arguments(ProcessHandle root) {
        try {
            String cmdline = Files.readString(Path.of("/proc", String.valueOf(root.pid()), "cmdline"));
            return cmdline.split("\0");
        } catch (IOException e) {
            return root.info().arguments().orElse(new String[0]);
        }
    }

    private static long vmRssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            // the process ended between listing and reading: it holds no memory any more
            return 0;
        }
    }
}
