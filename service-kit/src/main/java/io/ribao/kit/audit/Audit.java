package io.ribao.kit.audit;

import io.ribao.schemas.audit.AuditEvent;

/**
 * Where a service's audit records go (report-ingest: the {@code ribao.audit} topic; bulletin-service: its table).
 * Implementations make the record durable before returning, or throw.
 */
public interface Audit {

    void record(AuditEvent event);

    /**
     * Records an accepted write whose own event already says who, when and from where: the caller need not wait
     * (a failure is logged by the implementation). Defaults to {@link #record}.
     */
    default void recordAccepted(AuditEvent event) {
        record(event);
    }
}
