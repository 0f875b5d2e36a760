package io.ribao.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Kafka brokers in this process, in KRaft mode: each node is broker and controller at once. One node for the
 * local stack and most tests; three for the replication tests. Data lives under the given directory and survives a
 * restart on the same directory and ports.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

    private final Path dataDir;
    private final int[] brokerPorts;
    private final int[] controllerPorts;
    private final Map<String, String> overrides;
    private final KafkaRaftServer[] servers;

    private EmbeddedKafkaCluster(Path dataDir, int[] brokerPorts, int[] controllerPorts, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.brokerPorts = brokerPorts;
        this.controllerPorts = controllerPorts;
        this.overrides = overrides;
        this.servers = new KafkaRaftServer[brokerPorts.length];
    }

    /** A single-node broker on {@code port} (0 picks a free one), data under {@code dataDir}. */
    public static EmbeddedKafkaCluster singleNode(Path dataDir, int port) {
        return new EmbeddedKafkaCluster(dataDir, new int[] {port == 0 ? freePort() : port}, new int[] {freePort()}, Map.of());
    }

    /**
     * {@code nodes} brokers on free ports; topics default to replication min(nodes, 3). Not dependable: several
     * KRaft nodes in one JVM lose their quorum on a node restart and sometimes at start-up (F5 in
     * docs/reliability.md); tests that need several nodes use {@link ForkedKafkaCluster} (one JVM per node).
     */
    public static EmbeddedKafkaCluster nodes(Path dataDir, int nodes, Map<String, String> overrides) {
        int[] brokers = new int[nodes];
        int[] controllers = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            brokers[i] = freePort();
            controllers[i] = freePort();
        }
        return new EmbeddedKafkaCluster(dataDir, brokers, controllers, overrides);
    }

    public EmbeddedKafkaCluster start() {
        String clusterId = Uuid.randomUuid().toString();
        for (int node = 0; node < servers.length; node++) {
            format(node, clusterId);
        }
        // Every node is a controller: a node's start-up waits for a quorum, so the nodes must start together.
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int node = 0; node < servers.length; node++) {
            int n = node;
            starting.add(CompletableFuture.runAsync(() -> startNode(n)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
        awaitBrokers(bootstrapServers(), servers.length, Duration.ofSeconds(60));
        return this;
    }

    public String bootstrapServers() {
        List<String> addresses = new ArrayList<>();
        for (int node = 0; node < brokerPorts.length; node++) {
            if (servers[node] != null) {
                addresses.add("127.0.0.1:" + brokerPorts[node]);
            }
        }
        return String.join(",", addresses);
    }

    public int port() {
        return brokerPorts[0];
    }

    public int size() {
        return servers.length;
    }

    /** Stops one node (to test failover); {@link #startNode} brings it back on the same data and ports. */
    public void stopNode(int node) {
        KafkaRaftServer server = servers[node];
        if (server != null) {
            servers[node] = null;
            server.shutdown();
            server.awaitShutdown();
        }
    }

    public void startNode(int node) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(nodeProperties(node), false), Time.SYSTEM);
        server.startup();
        servers[node] = server;
    }

    @Override
    public void close() {
        for (int node = servers.length - 1; node >= 0; node--) {
            try {
                stopNode(node);
            } catch (RuntimeException e) {
                LOG.warn("broker node {} did not stop cleanly: {}", node, e.toString());
            }
        }
    }

    private void format(int node, String clusterId) {
        settings(node).format(clusterId);
    }

    private Properties nodeProperties(int node) {
        return settings(node).properties();
    }

    private KraftNodeSettings settings(int node) {
        int nodes = servers.length;
        String voters = java.util.stream.IntStream.range(0, nodes)
                .mapToObj(i -> i + "@127.0.0.1:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        return new KraftNodeSettings(node, brokerPorts[node], controllerPorts[node], voters, logDir(node),
                Math.min(nodes, 3), overrides);
    }

    private Path logDir(int node) {
        return dataDir.resolve("node-" + node);
    }

    /** Waits until the cluster at {@code bootstrapServers} reports {@code expected} brokers. */
    static void awaitBrokers(String bootstrapServers, int expected, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                try {
                    int seen = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                    if (seen >= expected) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("waiting for brokers: {}", e.toString());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("brokers did not come up within " + timeout);
                }
                // The admin call itself waits; this loop only repeats it until every node has registered.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for brokers", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
