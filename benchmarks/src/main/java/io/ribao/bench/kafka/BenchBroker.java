package io.ribao.bench.kafka;

import io.ribao.bench.TempDirs;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh single-node broker in a temporary directory with every catalogue topic created. */
public final class BenchBroker implements AutoCloseable {

    private final EmbeddedKafkaCluster cluster;
    private final Path dir;

    private BenchBroker(EmbeddedKafkaCluster cluster, Path dir) {
        this.cluster = cluster;
        this.dir = dir;
    }

    public static BenchBroker start(int partitions) throws IOException {
        Path dir = Files.createTempDirectory("ribao-bench-");
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        TopicAdmin.createMissing(cluster.bootstrapServers(), Topics.all(), partitions, (short) 1);
        return new BenchBroker(cluster, dir);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Where a benchmark may keep files (state stores, configs) for this run. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        cluster.close();
        TempDirs.delete(dir);
    }
}
