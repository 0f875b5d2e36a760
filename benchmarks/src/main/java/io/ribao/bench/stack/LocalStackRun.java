package io.ribao.bench.stack;

import io.ribao.bench.BenchArgs;
import io.ribao.bench.Samples;
import io.ribao.bench.TempDirs;
import io.ribao.ingest.roster.Roster;
import io.ribao.ingest.roster.RosterLoader;
import io.ribao.local.DemoTokens;
import io.ribao.local.RibaoLocal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * DESIGN.md §12 "local stack" and "end to end": starts the local stack ({@link RibaoLocal}, as the README's command
 * does, with the JVM options of its {@code ribao-local} script) as a child JVM on free ports and a fresh data
 * directory; measures the time to its {@code ribao ready:} line and the resident memory of the whole process tree (the
 * JVM and PostgreSQL); then the 202 → board latency on it.
 *
 * <p>Options: {@code --runs=3 --heap=(the script's -Xmx unless given) --samples=200 --poll=5
 * --roster=infra/local/demo-roster.yaml}.
 */
public final class LocalStackRun {

    private static final Pattern READY = Pattern.compile("ribao ready: ingest=(\\S+) bulletin=(\\S+) .*");

    private LocalStackRun() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int runs = options.integer("runs", 3);
        // The JVM options of the README's run command; --heap replaces its -Xmx.
        List<String> jvm = new ArrayList<>(RunCommandFlags.of(Path.of("ribao-local")));
        String heap = options.text("heap", "");
        if (!heap.isEmpty()) {
            jvm.removeIf(flag -> flag.startsWith("-Xmx"));
            jvm.add("-Xmx" + heap);
        }
        int samples = options.integer("samples", 200);
        int poll = options.integer("poll", 5);
        Path roster = Path.of(options.text("roster", "infra/local/demo-roster.yaml")).toAbsolutePath();
        LocalDate today = LocalDate.now(Clock.systemUTC().withZone(ZoneId.of("Asia/Shanghai")));

        Samples ready = new Samples("local stack ready", "s");
        Samples rss = new Samples("local stack resident memory after the latency run", "MiB");
        Samples p99 = new Samples("202 -> board p99", "ms");
        for (int run = 1; run <= runs; run++) {
            Path data = Files.createTempDirectory("ribao-bench-stack-");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvm);
            command.addAll(List.of(
                    "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.ribao",
                    "-cp", System.getProperty("java.class.path"), RibaoLocal.class.getName(),
                    "--roster", roster.toString(), "--data-dir", data.toString(),
                    "--ingest-port", String.valueOf(freePort()), "--bulletin-port", String.valueOf(freePort()),
                    "--registry-port", String.valueOf(freePort()), "--kafka-port", String.valueOf(freePort())));
            long start = System.nanoTime();
            Process stack = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            try {
                Matcher urls = awaitReady(stack);
                double seconds = (System.nanoTime() - start) / 1e9;
                long atReady = ProcessMemory.residentBytes(stack.toHandle());
                ready.add(seconds);
                System.out.printf(Locale.ROOT, "run %d: ready in %.1f s, resident %d MiB at ready%n", run, seconds,
                        atReady >> 20);
                Roster demo = new RosterLoader().load(Files.readString(roster, StandardCharsets.UTF_8));
                BoardLatency latency = new BoardLatency(urls.group(1), urls.group(2), demo,
                        DemoTokens.besideRoster(roster));
                Histogram h = latency.measure(today, samples, poll);
                long after = ProcessMemory.residentBytes(stack.toHandle());
                rss.add(after / (1024.0 * 1024.0));
                p99.add(h.getValueAtPercentile(99) / 1000.0);
                System.out.printf(Locale.ROOT, "run %d: 202 -> board over %d reports: p50 %.1f ms, p99 %.1f ms, "
                                + "max %.1f ms; resident %d MiB after%n", run, h.getTotalCount(),
                        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                        h.getMaxValue() / 1000.0, after >> 20);
            } finally {
                stack.destroy();
                if (!stack.waitFor(60, TimeUnit.SECONDS)) {
                    stack.destroyForcibly();
                    stack.waitFor(30, TimeUnit.SECONDS);
                }
                TempDirs.delete(data);
            }
        }
        System.out.println(ready.summary());
        System.out.println(rss.summary());
        System.out.println(p99.summary());
        System.out.printf(Locale.ROOT, "RESULT stack: ready %.1f s (bar <= 30), resident %.0f MiB (bar <= 1536); "
                + "202 -> board p99 %.0f ms (bar <= 1000)%n", ready.median(), rss.median(), p99.median());
    }

    /** Reads the child's output until the ready line; everything it prints stays available for a failure. */
    private static Matcher awaitReady(Process stack) throws Exception {
        CompletableFuture<Matcher> found = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher m = READY.matcher(line);
                    if (m.matches()) {
                        found.complete(m);
                    } else if (!found.isDone()) {
                        output.append(line).append('\n');
                    }
                }
                found.completeExceptionally(new IllegalStateException("the local stack exited before it was ready:\n"
                        + output));
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        }, "bench-stack-output");
        reader.setDaemon(true);
        reader.start();
        return found.get(120, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
