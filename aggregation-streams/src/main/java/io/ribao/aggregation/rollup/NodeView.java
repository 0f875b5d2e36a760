package io.ribao.aggregation.rollup;

import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.UnitKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node on one day as the roll-up and the cross-level rules see it: its subtree's totals, its own unit-day and its
 * direct children's. {@link NodeAggregate} keeps every source of the subtree; {@link NodeTotals} keeps running totals
 * and only the node and its direct children, for large trees.
 */
public interface NodeView {

    /** The node's own unit-day, when the node is itself a reporting unit. */
    Optional<Contribution> own();

    /** The node's direct children (one level down) of the given kinds; all kinds when {@code kinds} is empty. */
    List<Contribution> directChildren(Collection<UnitKind> kinds);

    /** Sum of every metric over the signed unit-days of the subtree, the node's own included. */
    Map<String, Long> metricTotals();

    CompletenessCounts completeness();

    /** Sum of the daily targets of the subtree, per metric. */
    Map<String, Long> targetTotals();

    int targetsMet();

    int targetsMissed();

    /** Each signed direct child's value of {@code metric} (0 when its report leaves it out), by unit id. */
    default Map<String, Long> directChildValues(String metric, Collection<UnitKind> kinds) {
        Map<String, Long> values = new TreeMap<>();
        directChildren(kinds).stream().filter(Contribution::signed)
                .forEach(c -> values.put(c.sourceUnitId(), c.metrics().getOrDefault(metric, 0L)));
        return values;
    }

    /** Sum of {@code metric} over the signed direct children of the given kinds (all kinds when empty). */
    default long directChildrenSum(String metric, Collection<UnitKind> kinds) {
        return directChildValues(metric, kinds).values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many signed direct children report activity (see {@link #isActiveChild}). */
    default int activeDirectChildren() {
        return (int) directChildren(List.of()).stream().filter(NodeView::isActiveChild).count();
    }

    /** The summed activity of the signed direct children that report any. */
    default long activeDirectChildrenActivity() {
        return directChildren(List.of()).stream().filter(NodeView::isActiveChild)
                .mapToLong(Contribution::activity).sum();
    }

    /**
     * A signed direct child reporting activity (any metric above 0) of its own: supervision teams are left out, as
     * what they inspect is not their parent's work.
     */
    static boolean isActiveChild(Contribution child) {
        return child.depth() == 1 && child.signed() && child.sourceKind() != UnitKind.SUPERVISION_TEAM
                && child.activity() > 0;
    }

    default Rollup toRollup(String nodeId, String jurisdictionId, LocalDate date, Instant updatedAt) {
        return Rollup.newBuilder()
                .setNodeId(nodeId)
                .setJurisdictionId(jurisdictionId)
                .setDate(date)
                .setMetrics(metricTotals())
                .setCompleteness(completeness().toAvro())
                .setTargets(targetTotals())
                .setTargetsMet(targetsMet())
                .setTargetsMissed(targetsMissed())
                .setUpdatedAt(updatedAt)
                .build();
    }
}
