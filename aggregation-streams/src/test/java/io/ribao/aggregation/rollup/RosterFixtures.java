package io.ribao.aggregation.rollup;

import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A small demo tree and unit-day statuses for the roll-up and rule tests. */
public final class RosterFixtures {

    public static final String JURISDICTION = "demo-county";
    public static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    public static final Instant NOW = Instant.parse("2026-03-10T08:30:00Z");

    private RosterFixtures() {
    }

    public static Unit county() {
        return unit("demo-county", UnitKind.COUNTY, List.of());
    }

    public static Unit township(String id) {
        return unit(id, UnitKind.TOWNSHIP, List.of("demo-county"));
    }

    /** A unit under a township of the demo county. */
    public static Unit under(String townshipId, String id, UnitKind kind) {
        return unit(id, kind, List.of("demo-county", townshipId));
    }

    public static Unit unit(String id, UnitKind kind, List<String> ancestors) {
        return Unit.newBuilder()
                .setId(id)
                .setJurisdictionId(JURISDICTION)
                .setName(id)
                .setKind(kind)
                .setParentId(ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1))
                .setAncestorIds(ancestors)
                .setActiveFrom(LocalDate.of(2026, 1, 1))
                .build();
    }

    public static Unit withTargets(Unit unit, Map<String, Long> targets) {
        return Unit.newBuilder(unit).setTargets(targets).build();
    }

    public static UnitDayStatus status(Unit unit, UnitDayState state, Map<String, Long> metrics) {
        return UnitDayStatus.newBuilder()
                .setUnitId(unit.getId())
                .setJurisdictionId(JURISDICTION)
                .setDate(DAY)
                .setState(state)
                .setMetrics(metrics)
                .setUpdatedAt(NOW)
                .build();
    }

    public static UnitDayStatus signed(Unit unit, Map<String, Long> metrics) {
        return status(unit, UnitDayState.ON_TIME, metrics);
    }

    public static UnitDayStatus zeroReport(Unit unit) {
        return UnitDayStatus.newBuilder(status(unit, UnitDayState.ON_TIME, Map.of())).setZeroReport(true).build();
    }

    /** The aggregate of {@code node} after applying the contributions of these unit-days. */
    public static NodeAggregate aggregateOf(String node, Map<Unit, UnitDayStatus> unitDays) {
        NodeAggregate aggregate = new NodeAggregate();
        unitDays.forEach((unit, status) -> Contribution.of(status, unit).stream()
                .filter(c -> c.nodeId().equals(node))
                .forEach(aggregate::apply));
        return aggregate;
    }
}
