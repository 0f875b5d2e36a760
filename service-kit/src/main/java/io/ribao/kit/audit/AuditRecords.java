package io.ribao.kit.audit;

import io.ribao.kit.EventIds;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.schemas.audit.AuditEvent;
import java.time.Clock;
import java.util.Map;

/** Builds audit records: who (the principal), what (action, target), outcome, from where, when (the clock). */
public final class AuditRecords {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";

    private final Clock clock;

    public AuditRecords(Clock clock) {
        this.clock = clock;
    }

    public AuditEvent of(RibaoPrincipal actor, String action, String target, String outcome, String sourceAddress,
                         Map<String, String> detail) {
        return AuditEvent.newBuilder()
                .setAuditId(EventIds.random().toString())
                .setAt(clock.instant())
                .setActor(actor.userId())
                .setRole(actor.role().name())
                .setAction(action)
                .setTarget(target)
                .setOutcome(outcome)
                .setDetail(Map.copyOf(detail))
                .setSourceAddress(sourceAddress)
                .build();
    }
}
