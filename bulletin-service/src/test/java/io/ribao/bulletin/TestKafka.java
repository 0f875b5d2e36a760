package io.ribao.bulletin;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.registry.SchemaRegistries;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.ribao.topics.Topic;

/** One real KRaft broker per test JVM with every catalogue topic (2 partitions), and an in-memory registry. */
public final class TestKafka {

    public static final String REGISTRY_URL = "mem://bulletin-tests";

    private static EmbeddedKafkaCluster cluster;
    private static KafkaProducer<String, byte[]> producer;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.ribao");
            try {
                cluster = EmbeddedKafkaCluster.singleNode(Files.createTempDirectory("bulletin-kafka"), 0).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TopicAdmin.createMissing(cluster.bootstrapServers(), Topics.all(), 2, (short) 1);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return cluster.bootstrapServers();
    }

    public static Topics topics() {
        return new Topics(SchemaRegistries.forUrl(REGISTRY_URL));
    }

    public static <V> RecordMetadata send(Topic<String, V> topic, String key, V value) {
        return sendBytes(topic.name(), key, value == null ? null : topic.serializeValue(value));
    }

    public static RecordMetadata sendBytes(String topic, String key, byte[] value) {
        bootstrapServers();
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

}
