package io.ribao.ingest.kafka;

import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.ingest.core.ReportJournal;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.topics.Topic;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** {@code ribao.reports}, keyed by unit so a unit's revisions stay in order on one partition. */
public final class KafkaReportJournal implements ReportJournal {

    private final EventProducer producer;
    private final Topic<String, ReportEvent> topic;
    private final ReportLog log;

    public KafkaReportJournal(EventProducer producer, Topic<String, ReportEvent> topic, ReportLog log) {
        this.producer = producer;
        this.topic = topic;
        this.log = log;
    }

    @Override
    public void append(ReportEvent event) {
        producer.sendAndAwait(topic, event.getUnitId(), event);
    }

    /**
     * Completes on the producer's network thread when the broker acknowledges (the report log then knows the offset
     * as this replica's own, which the intake applies to the index), or fails with
     * {@link BrokerUnavailableException}: the producer gives up within 60% of the delivery timeout (decision 405), and
     * the future within the whole of it whatever happens.
     */
    @Override
    public CompletableFuture<Void> write(ReportEvent event) {
        return producer.send(topic, event.getUnitId(), event)
                .orTimeout(producer.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((metadata, failure) -> {
                    if (failure != null) {
                        throw new BrokerUnavailableException(
                                failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
                    }
                    log.wroteHere(metadata.partition(), metadata.offset());
                    return null;
                });
    }

    /**
     * Reads back after a failed write within {@link #READ_BACK}, so that with the broker down the answer still
     * comes within the delivery timeout's budget (the producer gives up at 60% of it, decision 405).
     */
    @Override
    public boolean readBack() {
        try {
            return log.catchUp(READ_BACK);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final Duration READ_BACK = Duration.ofSeconds(1);

    /** The producer's metadata wait plus its delivery timeout (decision 405). */
    @Override
    public Duration writeGivesUpWithin() {
        return producer.givesUpWithin();
    }

    /** Reads {@code ribao.reports} back to its current end. */
    @Override
    public void catchUp(Duration within) {
        try {
            if (!log.catchUp(within)) {
                throw new BrokerUnavailableException(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        }
    }
}
