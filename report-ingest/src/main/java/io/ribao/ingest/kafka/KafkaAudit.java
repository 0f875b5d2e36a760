package io.ribao.ingest.kafka;

import io.ribao.kit.audit.Audit;
import io.ribao.schemas.audit.AuditEvent;
import io.ribao.topics.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** report-ingest's audit sink: the {@code ribao.audit} topic, keyed by actor so one person's trail stays in order. */
public final class KafkaAudit implements Audit {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAudit.class);

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

    /**
     * Sends without waiting: the report the record describes is already acknowledged and carries who, when and from
     * where itself, so the answer need not wait for a second acknowledgement (half the latency per write).
     */
    @Override
    public void recordAccepted(AuditEvent event) {
        producer.send(topic, event.getActor(), event).whenComplete((metadata, failure) -> {
            if (failure != null) {
                LOG.error("audit record {} ({} by {}) not written: {}", event.getAuditId(), event.getAction(),
                        event.getActor(), failure.toString());
            }
        });
    }
}
