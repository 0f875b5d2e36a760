package io.ribao.aggregation.rollup;

import io.ribao.schemas.roster.UnitKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state of one node on one day: the latest contribution of every unit in its subtree (itself included), keyed by
 * source unit. Keeping contributions rather than running totals makes applying one idempotent: a revision or a status
 * change replaces the unit's previous contribution and is never counted twice.
 */
public final class NodeAggregate implements NodeView {

    private final TreeMap<String, Contribution> bySource;

    public NodeAggregate() {
        this(List.of());
    }

    NodeAggregate(Collection<Contribution> contributions) {
        bySource = new TreeMap<>();
        contributions.forEach(c -> bySource.put(c.sourceUnitId(), c));
    }

    /**
     * Replaces the source unit's previous contribution (an empty contribution removes it).
     *
     * @return whether anything changed, so an unchanged roll-up need not be sent again
     */
    public boolean apply(Contribution contribution) {
        if (contribution.isEmpty()) {
            return bySource.remove(contribution.sourceUnitId()) != null;
        }
        return !contribution.equals(bySource.put(contribution.sourceUnitId(), contribution));
    }

    public Collection<Contribution> contributions() {
        return List.copyOf(bySource.values());
    }

    public Optional<Contribution> contributionOf(String sourceUnitId) {
        return Optional.ofNullable(bySource.get(sourceUnitId));
    }

    @Override
    public Optional<Contribution> own() {
        return bySource.values().stream().filter(c -> c.depth() == 0).findFirst();
    }

    public boolean isEmpty() {
        return bySource.isEmpty();
    }

    @Override
    public Map<String, Long> metricTotals() {
        Map<String, Long> totals = new TreeMap<>();
        bySource.values().stream().filter(Contribution::signed)
                .forEach(c -> c.metrics().forEach((code, value) -> totals.merge(code, value, Long::sum)));
        return totals;
    }

    @Override
    public CompletenessCounts completeness() {
        return bySource.values().stream().map(Contribution::completeness)
                .reduce(CompletenessCounts.NONE, CompletenessCounts::plus);
    }

    @Override
    public Map<String, Long> targetTotals() {
        Map<String, Long> totals = new TreeMap<>();
        bySource.values().forEach(c -> c.targets().forEach((code, value) -> totals.merge(code, value, Long::sum)));
        return totals;
    }

    @Override
    public List<Contribution> directChildren(Collection<UnitKind> kinds) {
        return bySource.values().stream()
                .filter(c -> c.depth() == 1)
                .filter(c -> kinds.isEmpty() || kinds.contains(c.sourceKind()))
                .toList();
    }

    @Override
    public int targetsMet() {
        return bySource.values().stream().mapToInt(Contribution::targetsMet).sum();
    }

    @Override
    public int targetsMissed() {
        return bySource.values().stream().mapToInt(Contribution::targetsMissed).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeAggregate that && bySource.equals(that.bySource);
    }

    @Override
    public int hashCode() {
        return bySource.hashCode();
    }

    @Override
    public String toString() {
        return "NodeAggregate" + bySource.values();
    }
}
