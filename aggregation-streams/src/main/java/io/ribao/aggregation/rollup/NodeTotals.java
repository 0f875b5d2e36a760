package io.ribao.aggregation.rollup;

import io.ribao.schemas.roster.UnitKind;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One node on one day as running totals only, so a change costs the same however many sources the subtree and the
 * node's direct children count (the county of a 100,000-unit roster, or 2,000 units directly under it). Besides the
 * subtree's totals it keeps the node's own unit-day whole and, for the cross-level rules, running sums over its
 * signed direct children: each metric per child kind, and how many of them report activity.
 *
 * <p>The caller keeps what each source last contributed to this node (key {@code nodeId/date/sourceUnitId}, bytes
 * from {@link ContributionCodec}) and passes it as {@code previous}: totals drop the previous and add the next, so a
 * revision replaces and never double counts. The direct children's own figures, which a finding's evidence names,
 * are read from there only when a rule fires ({@link #withDirectChildren}).
 */
public final class NodeTotals implements NodeView {

    /** {@code KIND:metric} keys, made once: a key is looked up for every metric of every direct child's change. */
    private static final Map<UnitKind, Map<String, String>> CHILD_KEYS = new EnumMap<>(UnitKind.class);

    static {
        for (UnitKind kind : UnitKind.values()) {
            CHILD_KEYS.put(kind, new ConcurrentHashMap<>());
        }
    }

    private final Map<String, Long> metricSums;
    /** How many signed contributions carry each metric, so a metric leaves the totals with its last carrier. */
    private final Map<String, Integer> metricCarriers;
    private CompletenessCounts completeness;
    private final Map<String, Long> targetSums;
    private final Map<String, Integer> targetCarriers;
    private int targetsMet;
    private int targetsMissed;
    private Contribution own;
    /** {@code KIND:metric} → the sum over signed direct children of that kind; zero sums are dropped. */
    private final Map<String, Long> childSums;
    private int activeChildren;
    private long activeChildrenActivity;

    public NodeTotals() {
        this(Map.of(), Map.of(), CompletenessCounts.NONE, Map.of(), Map.of(), 0, 0, null, Map.of(), 0, 0);
    }

    /** Hash maps inside (sorted only where they leave: the codec, {@link #metricTotals}). */
    NodeTotals(Map<String, Long> metricSums, Map<String, Integer> metricCarriers,
               CompletenessCounts completeness, Map<String, Long> targetSums,
               Map<String, Integer> targetCarriers, int targetsMet, int targetsMissed, Contribution own,
               Map<String, Long> childSums, int activeChildren, long activeChildrenActivity) {
        this.metricSums = new HashMap<>(metricSums);
        this.metricCarriers = new HashMap<>(metricCarriers);
        this.completeness = completeness;
        this.targetSums = new HashMap<>(targetSums);
        this.targetCarriers = new HashMap<>(targetCarriers);
        this.targetsMet = targetsMet;
        this.targetsMissed = targetsMissed;
        this.own = own;
        this.childSums = new HashMap<>(childSums);
        this.activeChildren = activeChildren;
        this.activeChildrenActivity = activeChildrenActivity;
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
        if (after != null && after.depth() == 0) {
            own = after;
        } else if (own != null && own.sourceUnitId().equals(next.sourceUnitId())) {
            own = null;
        }
        return true;
    }

    /**
     * Replaces what one unit-day task's subtotal (its unit-days' shares two or more levels below this node, summed in a
     * {@code NodeTotals} of their own; decision 282) added to this node.
     *
     * @param previous the task's subtotal as last applied here (null: nothing yet)
     * @param next     its new subtotal (empty: the task's unit-days withdrew)
     * @return whether anything changed; store {@code next} (delete it when empty) as the task's previous
     */
    public boolean applySubtotal(NodeTotals previous, NodeTotals next) {
        Objects.requireNonNull(next, "next");
        for (NodeTotals subtotal : new NodeTotals[] {previous, next}) {
            if (subtotal != null && (subtotal.own != null || !subtotal.childSums.isEmpty()
                    || subtotal.activeChildren != 0)) {
                throw new IllegalArgumentException("a subtotal sums shares from two or more levels below, not " + subtotal);
            }
        }
        NodeTotals before = previous == null ? new NodeTotals() : previous;
        if (before.equals(next)) {
            return false;
        }
        addSums(before, -1);
        addSums(next, 1);
        return true;
    }

    /** A copy that later changes to this one do not touch. */
    public NodeTotals copy() {
        return new NodeTotals(metricSums, metricCarriers, completeness, targetSums, targetCarriers, targetsMet,
                targetsMissed, own, childSums, activeChildren, activeChildrenActivity);
    }

    private void addSums(NodeTotals t, int sign) {
        t.metricCarriers.forEach((code, carriers) -> {
            metricSums.merge(code, sign * t.metricSums.getOrDefault(code, 0L), Long::sum);
            count(metricCarriers, metricSums, code, sign * carriers);
        });
        t.targetCarriers.forEach((code, carriers) -> {
            targetSums.merge(code, sign * t.targetSums.getOrDefault(code, 0L), Long::sum);
            count(targetCarriers, targetSums, code, sign * carriers);
        });
        completeness = sign > 0 ? completeness.plus(t.completeness) : completeness.minus(t.completeness);
        targetsMet += sign * t.targetsMet;
        targetsMissed += sign * t.targetsMissed;
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
        if (c.depth() == 1 && c.signed()) {
            c.metrics().forEach((code, value) -> {
                if (childSums.merge(childKey(c.sourceKind(), code), sign * value, Long::sum) == 0L) {
                    childSums.remove(childKey(c.sourceKind(), code));
                }
            });
            if (NodeView.isActiveChild(c)) {
                activeChildren += sign;
                activeChildrenActivity += sign * c.activity();
            }
        }
    }

    private static String childKey(UnitKind kind, String metric) {
        return CHILD_KEYS.get(kind).computeIfAbsent(metric, code -> kind.name() + ":" + code);
    }

    private static void count(Map<String, Integer> carriers, Map<String, Long> sums, String code, int change) {
        if (carriers.merge(code, change, Integer::sum) == 0) {
            carriers.remove(code);
            sums.remove(code);
        }
    }

    /**
     * This node as the rules see it, its direct children's own contributions read by {@code directChildren} (every
     * depth-1 contribution of the node-day) only when a rule asks for them, i.e. when it fires.
     */
    public NodeView withDirectChildren(Supplier<List<Contribution>> directChildren) {
        return new NodeTotalsWithChildren(this, directChildren);
    }

    @Override
    public Optional<Contribution> own() {
        return Optional.ofNullable(own);
    }

    /** Not kept here: read them through {@link #withDirectChildren}. */
    @Override
    public List<Contribution> directChildren(Collection<UnitKind> kinds) {
        throw new UnsupportedOperationException("node totals keep no children; read them with withDirectChildren");
    }

    @Override
    public long directChildrenSum(String metric, Collection<UnitKind> kinds) {
        long sum = 0;
        for (UnitKind kind : kinds.isEmpty() ? List.of(UnitKind.values()) : kinds) {
            sum += childSums.getOrDefault(childKey(kind, metric), 0L);
        }
        return sum;
    }

    @Override
    public int activeDirectChildren() {
        return activeChildren;
    }

    @Override
    public long activeDirectChildrenActivity() {
        return activeChildrenActivity;
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

    /** The live sums, for the codec (no copy). */
    Map<String, Long> metricSums() {
        return metricSums;
    }

    Map<String, Long> targetSums() {
        return targetSums;
    }

    Map<String, Integer> metricCarriers() {
        return metricCarriers;
    }

    Map<String, Integer> targetCarriers() {
        return targetCarriers;
    }

    Map<String, Long> childSums() {
        return childSums;
    }

    public boolean isEmpty() {
        return completeness.isEmpty() && metricSums.isEmpty() && targetSums.isEmpty() && own == null
                && childSums.isEmpty() && activeChildren == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeTotals that
                && metricSums.equals(that.metricSums) && metricCarriers.equals(that.metricCarriers)
                && completeness.equals(that.completeness) && targetSums.equals(that.targetSums)
                && targetCarriers.equals(that.targetCarriers) && targetsMet == that.targetsMet
                && targetsMissed == that.targetsMissed && Objects.equals(own, that.own)
                && childSums.equals(that.childSums) && activeChildren == that.activeChildren
                && activeChildrenActivity == that.activeChildrenActivity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metricSums, completeness, targetSums, targetsMet, targetsMissed, own, childSums,
                activeChildren);
    }

    @Override
    public String toString() {
        return "NodeTotals{metrics=" + metricSums + ", completeness=" + completeness + ", targets=" + targetSums
                + ", own=" + own + ", children=" + childSums + ", activeChildren=" + activeChildren + "}";
    }
}
