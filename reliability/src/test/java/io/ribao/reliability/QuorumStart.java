package io.ribao.reliability;

import static org.awaitility.Awaitility.await;

import io.ribao.broker.EmbeddedKafkaCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Starts a multi-node {@link EmbeddedKafkaCluster} whose nodes are all controllers. Its own {@code start()} starts
 * the nodes one after another, and the first blocks until a controller quorum (a majority) answers, which it never
 * does: reported as a bug; until fixed, this formats the nodes the same way and starts them at the same time.
 */
final class QuorumStart {

    private QuorumStart() {
    }

    static EmbeddedKafkaCluster start(EmbeddedKafkaCluster cluster, Path dataDir) {
        String clusterId = Uuid.randomUuid().toString();
        for (int node = 0; node < cluster.size(); node++) {
            format(dataDir.resolve("node-" + node), node, clusterId);
        }
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int node = 0; node < cluster.size(); node++) {
            int n = node;
            starting.add(CompletableFuture.runAsync(() -> cluster.startNode(n)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == cluster.size());
        }
        return cluster;
    }

    private static void format(Path logDir, int node, String clusterId) {
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(clusterId)
                    .setNodeId(node)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format " + logDir, e);
        }
    }
}
