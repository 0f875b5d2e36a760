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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster whose nodes each run in a child JVM ({@link KraftNodeMain}) on the caller's classpath, so that a
 * node can be killed for real ({@link #killNode}: SIGKILL) and restarted on the same data and ports — which several
 * nodes inside one JVM do not survive (F5 in docs/reliability.md). Each node's output goes to
 * {@code <dataDir>/node-<id>.log}. The children are killed on {@link #close()} and, failing that, when this JVM exits.
 */
public final class ForkedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedKafkaCluster.class);
    private static final Duration NODE_START = Duration.ofSeconds(120);

    private final Path dataDir;
    private final List<KraftNodeSettings> nodes;
    private final String clusterId = Uuid.randomUuid().toString();
    private final List<String> jvmOptions;
    private final Process[] processes;
    private final Thread killOnExit = new Thread(this::killAll, "forked-kafka-cluster-kill");

    private ForkedKafkaCluster(Path dataDir, List<KraftNodeSettings> nodes, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.nodes = nodes;
        this.jvmOptions = jvmOptions;
        this.processes = new Process[nodes.size()];
    }

    /** {@code count} nodes on free ports, replication min(count, 3), each child JVM with {@code -Xmx256m}. */
    public static ForkedKafkaCluster nodes(Path dataDir, int count, Map<String, String> overrides) {
        int[] brokerPorts = IntStream.range(0, count).map(i -> EmbeddedKafkaCluster.freePort()).toArray();
        int[] controllerPorts = IntStream.range(0, count).map(i -> EmbeddedKafkaCluster.freePort()).toArray();
        String voters = IntStream.range(0, count).mapToObj(i -> i + "@127.0.0.1:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        List<KraftNodeSettings> nodes = IntStream.range(0, count)
                .mapToObj(i -> new KraftNodeSettings(i, brokerPorts[i], controllerPorts[i], voters,
                        dataDir.resolve("node-" + i), Math.min(count, 3), overrides))
                .toList();
        return new ForkedKafkaCluster(dataDir, nodes, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    /** Starts every node together (each is a controller: a node's start-up waits for the quorum) and waits for all. */
    public ForkedKafkaCluster start() {
        Runtime.getRuntime().addShutdownHook(killOnExit);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int node = 0; node < nodes.size(); node++) {
            ready.add(launch(node));
        }
        for (int node = 0; node < nodes.size(); node++) {
            awaitReady(node, ready.get(node));
        }
        EmbeddedKafkaCluster.awaitBrokers(bootstrapServers(), nodes.size(), Duration.ofSeconds(60));
        return this;
    }

    /** Every node's address, whether it runs or not (clients find the live ones). */
    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.brokerPort()).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    /** Kills the node's JVM with SIGKILL, a crash: no shutdown hook, no flush, no leaving the quorum. */
    public void killNode(int node) {
        Process process = processes[node];
        if (process == null) {
            return;
        }
        processes[node] = null;
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node " + node + " did not die within 60 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing node " + node, e);
        }
    }

    /** Starts the node again on its data directory and ports, and waits until it runs and is registered. */
    public void startNode(int node) {
        awaitReady(node, launch(node));
        EmbeddedKafkaCluster.awaitBrokers(bootstrapServers(), nodes.size(), Duration.ofSeconds(60));
    }

    public boolean isRunning(int node) {
        return processes[node] != null && processes[node].isAlive();
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyExiting) {
            LOG.debug("JVM exiting; the hook kills the nodes");
        }
    }

    private void killAll() {
        for (int node = 0; node < processes.length; node++) {
            try {
                killNode(node);
            } catch (RuntimeException e) {
                LOG.warn("broker node {} did not stop: {}", node, e.toString());
            }
        }
    }

    private CompletableFuture<Void> launch(int node) {
        KraftNodeSettings settings = nodes.get(node);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KraftNodeMain.class.getName());
        command.addAll(settings.toArguments());
        command.add("cluster.id=" + clusterId);
        Path log = logFile(node);
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            processes[node] = process;
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> copyOutput(process, log, ready), "kraft-node-" + node + "-output");
            pump.setDaemon(true);
            pump.start();
            return ready;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start broker node " + node, e);
        }
    }

    /** Copies the child's output to its log file, completing {@code ready} at the ready line (or failing at EOF). */
    private static void copyOutput(Process process, Path log, CompletableFuture<Void> ready) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            String line;
            while ((line = out.readLine()) != null) {
                file.write(line);
                file.write('\n');
                if (line.startsWith(KraftNodeMain.READY)) {
                    file.flush();
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the node's process ended before it was ready"));
    }

    private void awaitReady(int node, CompletableFuture<Void> ready) {
        try {
            ready.get(NODE_START.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker node " + node + " did not start within " + NODE_START
                    + " (see " + logFile(node) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting node " + node, e);
        }
    }

    private Path logFile(int node) {
        return dataDir.resolve("node-" + node + ".log");
    }
}
