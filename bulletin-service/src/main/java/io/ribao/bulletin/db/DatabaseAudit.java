package io.ribao.bulletin.db;

import io.ribao.kit.audit.Audit;
import io.ribao.schemas.audit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** bulletin-service's audit sink: the {@code audit} table, committed before the request is answered. */
public final class DatabaseAudit implements Audit {

    private final Jdbi jdbi;

    public DatabaseAudit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AuditEvent event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("auditId", event.getAuditId());
        detail.put("role", event.getRole());
        detail.put("outcome", event.getOutcome());
        detail.putAll(new TreeMap<>(event.getDetail()));
        jdbi.useExtension(AuditDao.class, dao -> dao.insert(event.getAt(), event.getActor(), event.getAction(),
                event.getTarget(), JsonColumns.write(detail), event.getSourceAddress()));
    }
}
