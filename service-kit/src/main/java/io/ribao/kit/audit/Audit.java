package io.ribao.kit.audit;

import io.ribao.schemas.audit.AuditEvent;

/**
 * Where a service's audit records go (report-ingest: the {@code ribao.audit} topic; bulletin-service: its table).
 * Implementations make the record durable before returning, or throw.
 */
public interface Audit {

    void record(AuditEvent event);
}
