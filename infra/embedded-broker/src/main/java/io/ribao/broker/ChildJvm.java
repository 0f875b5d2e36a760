package io.ribao.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code main} run in a child JVM on this JVM's classpath, for tests that crash a component for real
 * ({@link #kill}: SIGKILL). Its stdout and stderr are appended to a log file; {@link #awaitReady} waits for the first
 * line starting with the given ready marker. Killed by {@link #kill} and, as a last resort, when this JVM exits.
 */
public final class ChildJvm {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

    private final Process process;
    private final Path log;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Thread killOnExit;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-child-" + process.pid());
    }

    /** Starts {@code mainClass} with {@code args}; output to {@code log}; {@code readyMarker} marks it ready. */
    public static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, List<String> args, Path log,
                                 String readyMarker) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ChildJvm child = new ChildJvm(process, log);
            Runtime.getRuntime().addShutdownHook(child.killOnExit);
            Thread pump = new Thread(() -> child.copyOutput(readyMarker), "child-" + process.pid() + "-output");
            pump.setDaemon(true);
            pump.start();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass.getName(), e);
        }
    }

    /** Waits for the ready line; fails if the process ends first or {@code timeout} passes (naming the log). */
    public ChildJvm awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("child JVM " + process.pid() + " not ready within " + timeout
                    + " (see " + log + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for child JVM " + process.pid(), e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, a crash: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child JVM " + process.pid() + " still runs 60 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing child JVM " + process.pid(), e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException jvmExiting) {
            LOG.debug("JVM exiting; its hook finds child {} gone", process.pid());
        }
    }

    public Path log() {
        return log;
    }

    private void copyOutput(String readyMarker) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            String line;
            while ((line = out.readLine()) != null) {
                file.write(line);
                file.write('\n');
                if (!ready.isDone() && line.startsWith(readyMarker)) {
                    file.flush();
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the process ended before it was ready"));
    }
}
