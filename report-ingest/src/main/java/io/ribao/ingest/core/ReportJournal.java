package io.ribao.ingest.core;

import io.ribao.schemas.report.ReportEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Where report events become durable: the {@code ribao.reports} topic, acks=all. */
public interface ReportJournal {

    /**
     * Returns once the event is durable; throws (503 BROKER_UNAVAILABLE) when that is not known. The event may then
     * still have been written (its acknowledgement was lost, e.g. when the partition leader died): see
     * {@link #catchUp}.
     */
    void append(ReportEvent event);

    /**
     * {@link #append} without holding the caller: the future completes when the event is durable, or fails (503
     * BROKER_UNAVAILABLE) when that is not known — always within the delivery timeout. Completion may come on the
     * journal's own I/O thread, so what follows it must be quick and must not block.
     */
    default CompletableFuture<Void> write(ReportEvent event) {
        try {
            append(event);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * How long after {@link #write} is called its event is at the latest acknowledged, or can no longer land: a request
     * answered 503 no earlier than this after its write was sent cannot have its event written afterwards. So a write
     * is sent only while this much of its request's time is left.
     */
    default Duration writeGivesUpWithin() {
        return Duration.ZERO;
    }

    /**
     * Returns once every event written to the journal so far has reached the {@link ReportIndex}, so a write whose
     * outcome was unknown is either known now or known not to have happened. Throws (503) when it cannot tell
     * {@code within} that time.
     */
    default void catchUp(Duration within) {
    }

    /**
     * A short read-back right after a failed {@link #append}: true when the journal was read to its end (the
     * index then knows whether the event landed), false when that could not be done quickly.
     */
    default boolean readBack() {
        return false;
    }
}
