package io.ribao.bulletin.kafka;

import io.ribao.topics.Topic;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes to one catalogue topic with acks=all and an idempotent producer, returning only once the broker has it. */
public final class DurableTopicWriter<V> implements AutoCloseable {

    private final Topic<String, V> topic;
    private final KafkaProducer<String, byte[]> producer;

    public DurableTopicWriter(Topic<String, V> topic, String bootstrapServers, String clientId) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public void write(String key, V value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, topic.serializeValue(value))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("record not written to " + topic.name(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
