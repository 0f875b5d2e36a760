package io.ribao.aggregation;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.topics.Topic;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A single-node in-process broker for one test class ({@code @RegisterExtension static}), every topic created with two
 * partitions, in a directory of its own that the broker's and the app's state share.
 */
final class RealBroker implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private EmbeddedKafkaCluster kafka;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("aggregation-it");
        kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        TopicAdmin.createMissing(kafka.bootstrapServers(), Topics.all(), 2, (short) 1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kafka.close();
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A directory for the app's state beside the broker's. */
    Path dir() {
        return dir;
    }

    /** Writes one record and waits for all replicas to have it. */
    <V> void publish(Topic<String, V> topic, String key, V value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, topic.serializeValue(value))).get();
        }
    }
}
