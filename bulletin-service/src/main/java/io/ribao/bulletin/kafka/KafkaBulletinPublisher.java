package io.ribao.bulletin.kafka;

import io.dropwizard.lifecycle.Managed;
import io.ribao.bulletin.workflow.BulletinPublisher;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.topics.Topic;

/** Bulletin events to {@code ribao.bulletins} (bulletin-service is its only writer), acks=all, waited for. */
public final class KafkaBulletinPublisher implements BulletinPublisher, Managed {

    private final DurableTopicWriter<BulletinEvent> writer;

    public KafkaBulletinPublisher(Topic<String, BulletinEvent> topic, String bootstrapServers) {
        this.writer = new DurableTopicWriter<>(topic, bootstrapServers, "bulletin-service-bulletins");
    }

    @Override
    public void publish(BulletinEvent event) {
        writer.write(event.getBulletinId(), event);
    }

    @Override
    public void stop() {
        writer.close();
    }
}
