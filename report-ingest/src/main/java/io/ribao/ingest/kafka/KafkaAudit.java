package io.ribao.ingest.kafka;

import io.ribao.kit.audit.Audit;
import io.ribao.schemas.audit.AuditEvent;
import io.ribao.topics.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/** report-ingest's audit sink: the {@code ribao.audit} topic, keyed by actor so one person's trail stays in order. */
public final class KafkaAudit implements Audit {

    private final EventProducer producer;
    private final Topic<String, AuditEvent> topic;

    public KafkaAudit(EventProducer producer, Topic<String, AuditEvent> topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void record(AuditEvent event) {
        producer.sendAndAwait(topic, event.getActor(), event);
    }

    /** Sends without waiting, so the audit record and the write it describes travel together. */
    public CompletableFuture<RecordMetadata> recordAsync(AuditEvent event) {
        return producer.send(topic, event.getActor(), event);
    }
}
