package io.ribao.ingest.core;

import io.ribao.schemas.report.ReportEvent;

/** Where report events become durable: the {@code ribao.reports} topic, acks=all. */
public interface ReportJournal {

    /** Returns once the event is durable; throws (503 BROKER_UNAVAILABLE) when it is not, and then nothing was written. */
    void append(ReportEvent event);
}
