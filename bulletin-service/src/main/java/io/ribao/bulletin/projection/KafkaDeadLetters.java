package io.ribao.bulletin.projection;

import io.ribao.bulletin.kafka.DurableTopicWriter;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.topics.Topic;
import java.time.Duration;

/** Dead letters to {@code ribao.dlq.bulletin-service}, acks=all, waited for. */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {

    private final DurableTopicWriter<DeadLetter> writer;

    public KafkaDeadLetters(Topic<String, DeadLetter> topic, String bootstrapServers) {
        // about Kafka's own bounds (metadata 60 s, delivery 120 s): the projection waits out a broker restart
        this.writer = new DurableTopicWriter<>(topic, bootstrapServers, "bulletin-service-dlq", Duration.ofMinutes(3));
    }

    @Override
    public void send(String key, DeadLetter deadLetter) {
        writer.write(key, deadLetter);
    }

    @Override
    public void close() {
        writer.close();
    }
}
