package io.ribao.bulletin.kafka;

import io.dropwizard.lifecycle.Managed;
import io.ribao.bulletin.workflow.BulletinPublisher;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.topics.Topic;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Bulletin events to {@code ribao.bulletins} (bulletin-service is its only writer), acks=all, waited for. */
public final class KafkaBulletinPublisher implements BulletinPublisher, Managed {

    private final Topic<String, BulletinEvent> topic;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaBulletinPublisher(Topic<String, BulletinEvent> topic, String bootstrapServers) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bulletin-service-bulletins");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(BulletinEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), event.getBulletinId(), topic.serializeValue(event)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a bulletin event", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bulletin event not written to " + topic.name(), e.getCause());
        }
    }

    @Override
    public void stop() {
        producer.close();
    }
}
