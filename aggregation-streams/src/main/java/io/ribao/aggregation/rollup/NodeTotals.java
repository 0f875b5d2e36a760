package io.ribao.aggregation.rollup;

import io.ribao.schemas.roster.UnitKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node on one day as running totals, for trees too large to keep every source in one stored value (the county of
 * a 100,000-unit roster): a change costs the same whatever the subtree's size. Only the node's own unit-day and its
 * direct children are kept whole, for the cross-level rules.
 *
 * <p>The caller keeps what each source last contributed to this node (key {@code nodeId/date/sourceUnitId}, bytes
 * from {@link ContributionCodec}) and passes it as {@code previous}: totals drop the previous and add the next, so a
 * revision replaces and never double counts.
 */
public final class NodeTotals implements NodeView {

    private final TreeMap<String, Long> metricSums;
    /** How many signed contributions carry each metric, so a metric leaves the totals with its last carrier. */
    private final TreeMap<String, Integer> metricCarriers;
    private CompletenessCounts completeness;
    private final TreeMap<String, Long> targetSums;
    private final TreeMap<String, Integer> targetCarriers;
    private int targetsMet;
    private int targetsMissed;
    private final TreeMap<String, Contribution> nearBySource;

    public NodeTotals() {
        this(new TreeMap<>(), new TreeMap<>(), CompletenessCounts.NONE, new TreeMap<>(), new TreeMap<>(), 0, 0,
                List.of());
    }

    NodeTotals(TreeMap<String, Long> metricSums, TreeMap<String, Integer> metricCarriers,
               CompletenessCounts completeness, TreeMap<String, Long> targetSums,
               TreeMap<String, Integer> targetCarriers, int targetsMet, int targetsMissed,
               Collection<Contribution> near) {
        this.metricSums = metricSums;
        this.metricCarriers = metricCarriers;
        this.completeness = completeness;
        this.targetSums = targetSums;
        this.targetCarriers = targetCarriers;
        this.targetsMet = targetsMet;
        this.targetsMissed = targetsMissed;
        this.nearBySource = new TreeMap<>();
        near.forEach(c -> nearBySource.put(c.sourceUnitId(), c));
    }

    /**
     * Replaces what one source contributed to this node.
     *
     * @param previous what the source last contributed to this node (null or empty: nothing yet)
     * @param next     its new contribution (empty: it withdraws)
     * @return whether anything changed; store {@code next} (delete it when empty) as the source's previous
     */
    public boolean apply(Contribution previous, Contribution next) {
        Objects.requireNonNull(next, "next");
        Contribution before = previous == null || previous.isEmpty() ? null : previous;
        if (before != null && !before.sourceUnitId().equals(next.sourceUnitId())) {
            throw new IllegalArgumentException("previous contribution of " + before.sourceUnitId()
                    + " replaced by one of " + next.sourceUnitId());
        }
        Contribution after = next.isEmpty() ? null : next;
        if (Objects.equals(before, after)) {
            return false;
        }
        if (before != null) {
            add(before, -1);
        }
        if (after != null) {
            add(after, 1);
        }
        if (after != null && after.depth() <= 1) {
            nearBySource.put(after.sourceUnitId(), after);
        } else {
            nearBySource.remove(next.sourceUnitId());
        }
        return true;
    }

    private void add(Contribution c, int sign) {
        if (c.signed()) {
            c.metrics().forEach((code, value) -> {
                metricSums.merge(code, sign * value, Long::sum);
                count(metricCarriers, metricSums, code, sign);
            });
        }
        c.targets().forEach((code, value) -> {
            targetSums.merge(code, sign * value, Long::sum);
            count(targetCarriers, targetSums, code, sign);
        });
        completeness = sign > 0 ? completeness.plus(c.completeness()) : completeness.minus(c.completeness());
        targetsMet += sign * c.targetsMet();
        targetsMissed += sign * c.targetsMissed();
    }

    private static void count(TreeMap<String, Integer> carriers, TreeMap<String, Long> sums, String code, int sign) {
        if (carriers.merge(code, sign, Integer::sum) == 0) {
            carriers.remove(code);
            sums.remove(code);
        }
    }

    @Override
    public Optional<Contribution> own() {
        return nearBySource.values().stream().filter(c -> c.depth() == 0).findFirst();
    }

    @Override
    public List<Contribution> directChildren(Collection<UnitKind> kinds) {
        return nearBySource.values().stream()
                .filter(c -> c.depth() == 1)
                .filter(c -> kinds.isEmpty() || kinds.contains(c.sourceKind()))
                .toList();
    }

    @Override
    public Map<String, Long> metricTotals() {
        return new TreeMap<>(metricSums);
    }

    @Override
    public CompletenessCounts completeness() {
        return completeness;
    }

    @Override
    public Map<String, Long> targetTotals() {
        return new TreeMap<>(targetSums);
    }

    @Override
    public int targetsMet() {
        return targetsMet;
    }

    @Override
    public int targetsMissed() {
        return targetsMissed;
    }

    Map<String, Integer> metricCarriers() {
        return metricCarriers;
    }

    Map<String, Integer> targetCarriers() {
        return targetCarriers;
    }

    Collection<Contribution> near() {
        return List.copyOf(nearBySource.values());
    }

    public boolean isEmpty() {
        return completeness.isEmpty() && metricSums.isEmpty() && targetSums.isEmpty() && nearBySource.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeTotals that
                && metricSums.equals(that.metricSums) && metricCarriers.equals(that.metricCarriers)
                && completeness.equals(that.completeness) && targetSums.equals(that.targetSums)
                && targetCarriers.equals(that.targetCarriers) && targetsMet == that.targetsMet
                && targetsMissed == that.targetsMissed && nearBySource.equals(that.nearBySource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metricSums, completeness, targetSums, targetsMet, targetsMissed, nearBySource);
    }

    @Override
    public String toString() {
        return "NodeTotals{metrics=" + metricSums + ", completeness=" + completeness + ", targets=" + targetSums
                + ", near=" + nearBySource.values() + "}";
    }
}
