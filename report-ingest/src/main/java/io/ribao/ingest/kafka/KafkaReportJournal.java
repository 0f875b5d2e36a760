package io.ribao.ingest.kafka;

import io.ribao.ingest.core.ReportJournal;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.topics.Topic;

/** {@code ribao.reports}, keyed by unit so a unit's revisions stay in order on one partition. */
public final class KafkaReportJournal implements ReportJournal {

    private final EventProducer producer;
    private final Topic<String, ReportEvent> topic;

    public KafkaReportJournal(EventProducer producer, Topic<String, ReportEvent> topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void append(ReportEvent event) {
        producer.sendAndAwait(topic, event.getUnitId(), event);
    }
}
