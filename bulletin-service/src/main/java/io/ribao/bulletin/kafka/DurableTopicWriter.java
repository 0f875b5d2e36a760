package io.ribao.bulletin.kafka;

import io.ribao.topics.Topic;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes to one catalogue topic with acks=all and an idempotent producer, returning only once the broker has it, or
 * failing once {@code within} has passed: a record given up on has expired in the producer too, so it cannot land
 * later (as report-ingest's producer, decision 405).
 */
public final class DurableTopicWriter<V> implements AutoCloseable {

    private final Topic<String, V> topic;
    private final KafkaProducer<String, byte[]> producer;
    private final Duration within;

    public DurableTopicWriter(Topic<String, V> topic, String bootstrapServers, String clientId, Duration within) {
        this.topic = topic;
        this.within = within;
        long budget = within.toMillis();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // metadata may take 30% of the budget, the batch's delivery (linger and request included) 60%
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, budget * 3 / 10);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (budget * 3 / 10));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (budget * 6 / 10));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public void write(String key, V value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, topic.serializeValue(value)))
                    .get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("record not written to " + topic.name(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("record not written to " + topic.name() + " within " + within, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
