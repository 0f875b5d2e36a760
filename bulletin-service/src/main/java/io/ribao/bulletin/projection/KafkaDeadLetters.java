package io.ribao.bulletin.projection;

import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.topics.Topic;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Dead letters to {@code ribao.dlq.bulletin-service}, acks=all, waited for. */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {

    private final Topic<String, DeadLetter> topic;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaDeadLetters(Topic<String, DeadLetter> topic, String bootstrapServers) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bulletin-service-dlq");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(String key, DeadLetter deadLetter) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, topic.serializeValue(deadLetter))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("dead letter not written to " + topic.name(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
