package io.ribao.aggregation.rollup;

import io.ribao.schemas.roster.UnitKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link NodeTotals} plus a way to read the direct children's own contributions. The rules decide from the running
 * sums; the children are read (a scan over the node's sources) only for a finding's evidence.
 */
final class NodeTotalsWithChildren implements NodeView {

    private final NodeTotals totals;
    private final Supplier<List<Contribution>> children;

    NodeTotalsWithChildren(NodeTotals totals, Supplier<List<Contribution>> children) {
        this.totals = totals;
        this.children = children;
    }

    @Override
    public Optional<Contribution> own() {
        return totals.own();
    }

    @Override
    public List<Contribution> directChildren(Collection<UnitKind> kinds) {
        return children.get().stream()
                .filter(c -> c.depth() == 1)
                .filter(c -> kinds.isEmpty() || kinds.contains(c.sourceKind()))
                .toList();
    }

    @Override
    public long directChildrenSum(String metric, Collection<UnitKind> kinds) {
        return totals.directChildrenSum(metric, kinds);
    }

    @Override
    public int activeDirectChildren() {
        return totals.activeDirectChildren();
    }

    @Override
    public long activeDirectChildrenActivity() {
        return totals.activeDirectChildrenActivity();
    }

    @Override
    public Map<String, Long> metricTotals() {
        return totals.metricTotals();
    }

    @Override
    public CompletenessCounts completeness() {
        return totals.completeness();
    }

    @Override
    public Map<String, Long> targetTotals() {
        return totals.targetTotals();
    }

    @Override
    public int targetsMet() {
        return totals.targetsMet();
    }

    @Override
    public int targetsMissed() {
        return totals.targetsMissed();
    }
}
