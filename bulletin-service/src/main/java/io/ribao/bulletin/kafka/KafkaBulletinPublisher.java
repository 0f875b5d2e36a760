package io.ribao.bulletin.kafka;

import io.dropwizard.lifecycle.Managed;
import io.ribao.bulletin.workflow.BulletinPublisher;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.topics.Topic;
import java.time.Duration;

/**
 * Bulletin events to {@code ribao.bulletins} (bulletin-service is its only writer), acks=all, waited for at most
 * {@link #WITHIN}: the director's release is not held longer by a broker that is away (the event stays queued in the
 * {@code BulletinEventOutbox}).
 */
public final class KafkaBulletinPublisher implements BulletinPublisher, Managed, AutoCloseable {

    public static final Duration WITHIN = Duration.ofSeconds(5);

    private final DurableTopicWriter<BulletinEvent> writer;

    public KafkaBulletinPublisher(Topic<String, BulletinEvent> topic, String bootstrapServers) {
        this.writer = new DurableTopicWriter<>(topic, bootstrapServers, "bulletin-service-bulletins", WITHIN);
    }

    @Override
    public void publish(BulletinEvent event) {
        writer.write(event.getBulletinId(), event);
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        writer.close();
    }
}
