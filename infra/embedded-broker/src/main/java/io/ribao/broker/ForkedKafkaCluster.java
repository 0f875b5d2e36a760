package io.ribao.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster whose nodes each run in a child JVM ({@link KraftNodeMain}) on the caller's classpath, so that a
 * node can be killed for real ({@link #killNode}: SIGKILL) and restarted on the same data and ports — which several
 * nodes inside one JVM do not survive (F5 in docs/reliability.md). Each node's output goes to
 * {@code <dataDir>/node-<id>.log}. The children are killed on {@link #close()} and, failing that, when this JVM exits
 * ({@link ChildJvm}).
 */
public final class ForkedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedKafkaCluster.class);
    private static final Duration NODE_START = Duration.ofSeconds(120);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path dataDir;
    private final List<KraftNodeSettings> nodes;
    private final String clusterId = Uuid.randomUuid().toString();
    private final ChildJvm[] processes;

    private ForkedKafkaCluster(Path dataDir, List<KraftNodeSettings> nodes) {
        this.dataDir = dataDir;
        this.nodes = nodes;
        this.processes = new ChildJvm[nodes.size()];
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
        return new ForkedKafkaCluster(dataDir, nodes);
    }

    /** Starts every node together (each is a controller: a node's start-up waits for the quorum) and waits for all. */
    public ForkedKafkaCluster start() {
        for (int node = 0; node < nodes.size(); node++) {
            launch(node);
        }
        for (ChildJvm process : processes) {
            process.awaitReady(NODE_START);
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
        ChildJvm process = processes[node];
        if (process != null) {
            processes[node] = null;
            process.kill();
        }
    }

    /** Starts the node again on its data directory and ports, and waits until it runs and is registered. */
    public void startNode(int node) {
        launch(node).awaitReady(NODE_START);
        EmbeddedKafkaCluster.awaitBrokers(bootstrapServers(), nodes.size(), Duration.ofSeconds(60));
    }

    public boolean isRunning(int node) {
        return processes[node] != null && processes[node].isAlive();
    }

    @Override
    public void close() {
        for (int node = 0; node < processes.length; node++) {
            try {
                killNode(node);
            } catch (RuntimeException e) {
                LOG.warn("broker node {} did not stop: {}", node, e.toString());
            }
        }
    }

    private ChildJvm launch(int node) {
        List<String> args = new ArrayList<>(nodes.get(node).toArguments());
        args.add("cluster.id=" + clusterId);
        processes[node] = ChildJvm.start(KraftNodeMain.class, JVM_OPTIONS, args,
                dataDir.resolve("node-" + node + ".log"), KraftNodeMain.READY);
        return processes[node];
    }
}
