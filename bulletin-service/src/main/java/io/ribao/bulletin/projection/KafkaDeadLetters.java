package io.ribao.bulletin.projection;

import io.ribao.bulletin.kafka.DurableTopicWriter;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.topics.Topic;

/** Dead letters to {@code ribao.dlq.bulletin-service}, acks=all, waited for. */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {

    private final DurableTopicWriter<DeadLetter> writer;

    public KafkaDeadLetters(Topic<String, DeadLetter> topic, String bootstrapServers) {
        this.writer = new DurableTopicWriter<>(topic, bootstrapServers, "bulletin-service-dlq");
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
