package io.ribao.aggregation.rollup;

import io.ribao.roster.UnitCalendar;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one unit-day adds to one node of the tree: the node itself (depth 0) or one of its ancestors (depth = how many
 * levels up). A node keeps one contribution per source unit, so a newer one replaces the older.
 *
 * @param signed        the unit-day is ON_TIME or LATE, so its metrics count in the totals
 * @param metrics       the latest signed metrics (empty unless signed)
 * @param targets       the unit's daily targets (metric code → target)
 * @param targetsMet    targets decided and met (only once signed)
 * @param targetsMissed targets decided and missed (signed below target, or the day is MISSING)
 */
public record Contribution(String nodeId, String sourceUnitId, UnitKind sourceKind, int depth, boolean signed,
                           boolean zeroReport, Map<String, Long> metrics, CompletenessCounts completeness,
                           Map<String, Long> targets, int targetsMet, int targetsMissed) {

    public Contribution {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(sourceUnitId, "sourceUnitId");
        Objects.requireNonNull(sourceKind, "sourceKind");
        metrics = Map.copyOf(metrics);
        targets = Map.copyOf(targets);
        Objects.requireNonNull(completeness, "completeness");
    }

    /**
     * The contributions of one unit-day: to the unit itself first, then to its parent, up to the root. A unit that is
     * suspended or not active on that date contributes nothing, and those empty contributions withdraw whatever it
     * contributed before.
     */
    public static List<Contribution> of(UnitDayStatus status, Unit unit) {
        return towardAncestors(ownOf(status, unit), unit);
    }

    /**
     * The unit's own share (from {@link #ownOf}), where the unit is a roll-up node ({@link #isRollupNode}), followed by
     * the same share toward each ancestor, up to the root.
     */
    public static List<Contribution> towardAncestors(Contribution own, Unit unit) {
        if (!own.sourceUnitId().equals(unit.getId()) || own.depth() != 0) {
            throw new IllegalArgumentException("share of " + own.sourceUnitId() + " at depth " + own.depth()
                    + " sent up from roster unit " + unit.getId());
        }
        List<String> ancestors = unit.getAncestorIds();
        List<Contribution> all = new ArrayList<>(ancestors.size() + 1);
        if (isRollupNode(unit)) {
            all.add(own);
        }
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            all.add(own.toward(ancestors.get(i), ancestors.size() - i));
        }
        return all;
    }

    /**
     * A node of the roll-ups: a unit that other units name as their parent, or the root. A unit without children has
     * no roll-up of its own — its unit-day status is all there is to it — and sends its share only to its ancestors
     * (decision 278).
     */
    public static boolean isRollupNode(Unit unit) {
        return unit.getHasChildren() || unit.getAncestorIds().isEmpty();
    }

    /** Whether the roster change from {@code before} to {@code after} moves the unit's shares between nodes. */
    public static boolean sharesMove(Unit before, Unit after) {
        return !before.getAncestorIds().equals(after.getAncestorIds()) || isRollupNode(before) != isRollupNode(after);
    }

    /**
     * Whether a share at this depth travels to its node on its own: the unit's own share (depth 0) and its share of its
     * parent's (depth 1), which the node keeps per source because the cross-level rules name its direct children. A
     * share toward an ancestor further up adds only to the ancestor's sums, so a unit-day task sends those summed over
     * its unit-days, one subtotal per node-day (decision 282).
     */
    public static boolean travelsAlone(int depth) {
        return depth <= 1;
    }

    /**
     * What a unit moved in the tree takes away from the nodes that no longer take its share on its own (itself when it
     * is no longer a roll-up node, its old parent): an empty contribution to each, which withdraws its share there —
     * also from an old parent that is now two levels up, where the share counts in a subtotal instead (decision 282).
     * Shares toward ancestors further up are in the unit-day task's subtotals, which follow the move themselves.
     * Nothing when the unit's own node and parent stay as they were.
     */
    public static List<Contribution> withdrawalsOnMove(Unit before, Unit after) {
        if (!before.getId().equals(after.getId())) {
            throw new IllegalArgumentException("unit " + before.getId() + " compared with unit " + after.getId());
        }
        List<Contribution> withdrawals = new ArrayList<>();
        if (isRollupNode(before) && !isRollupNode(after)) {
            withdrawals.add(withdrawn(before));
        }
        String parent = parentOf(before);
        if (parent != null && !parent.equals(parentOf(after))) {
            withdrawals.add(withdrawn(before).toward(parent, 1));
        }
        return withdrawals;
    }

    /** Every share of a unit-day, emptied: what a unit leaving the roster takes away from each node it reached. */
    public static List<Contribution> withdrawalsOnRemoval(Unit unit) {
        return towardAncestors(withdrawn(unit), unit);
    }

    private static String parentOf(Unit unit) {
        List<String> ancestors = unit.getAncestorIds();
        return ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    }

    /** The unit-day's share of its own node (depth 0); every share toward an ancestor is this one re-addressed. */
    public static Contribution ownOf(UnitDayStatus status, Unit unit) {
        if (!status.getUnitId().equals(unit.getId())) {
            throw new IllegalArgumentException(
                    "status of unit " + status.getUnitId() + " paired with roster unit " + unit.getId());
        }
        return isActive(unit, status.getDate()) ? own(status, unit) : withdrawn(unit);
    }

    /**
     * Whether two statuses of one unit-day give the same share ({@link #ownOf} with the same roster unit), read from
     * what a share is made of, without making either: the state, the unsigned flag, and once signed the figures and
     * the zero-report flag. May answer false for shares that are equal (an inactive unit's), never true for shares
     * that differ.
     */
    public static boolean sameShare(UnitDayStatus before, UnitDayStatus after) {
        if (!before.getUnitId().equals(after.getUnitId()) || !before.getDate().equals(after.getDate())) {
            throw new IllegalArgumentException("statuses of " + before.getUnitId() + "/" + before.getDate()
                    + " and " + after.getUnitId() + "/" + after.getDate() + " compared");
        }
        if (before.getState() != after.getState() || before.getUnsigned() != after.getUnsigned()) {
            return false;
        }
        UnitDayState state = after.getState();
        boolean signed = state == UnitDayState.ON_TIME || state == UnitDayState.LATE;
        return !signed || (before.getZeroReport() == after.getZeroReport()
                && before.getMetrics().equals(after.getMetrics()));
    }

    /** A unit is expected on the days from activeFrom to activeTo, both included, but those the roster suspends. */
    public static boolean isActive(Unit unit, LocalDate date) {
        return UnitCalendar.activeOn(unit, date);
    }

    /** Nothing to count: applying it removes the source from the node. */
    public boolean isEmpty() {
        return completeness.isEmpty() && metrics.isEmpty() && targets.isEmpty();
    }

    /** The sum of every metric this contribution reports, to tell activity from nothing. */
    public long activity() {
        return metrics.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The same source's empty share of the same node: applied, it withdraws this one. */
    public Contribution withdrawal() {
        return new Contribution(nodeId, sourceUnitId, sourceKind, depth, false, false, Map.of(),
                CompletenessCounts.NONE, Map.of(), 0, 0);
    }

    Contribution toward(String ancestorId, int levelsUp) {
        return new Contribution(ancestorId, sourceUnitId, sourceKind, levelsUp, signed, zeroReport, metrics,
                completeness, targets, targetsMet, targetsMissed);
    }

    private static Contribution own(UnitDayStatus status, Unit unit) {
        UnitDayState state = status.getState();
        boolean signed = state == UnitDayState.ON_TIME || state == UnitDayState.LATE;
        Map<String, Long> metrics = signed ? Map.copyOf(status.getMetrics()) : Map.of();
        int met = 0;
        int missed = 0;
        if (signed) {
            // only how many: the order of the targets does not matter here
            for (Map.Entry<String, Long> target : unit.getTargets().entrySet()) {
                if (new TargetResult(target.getKey(), target.getValue(),
                        metrics.getOrDefault(target.getKey(), 0L)).met()) {
                    met++;
                } else {
                    missed++;
                }
            }
        } else if (state == UnitDayState.MISSING) {
            missed = unit.getTargets().size();
        }
        return new Contribution(unit.getId(), unit.getId(), unit.getKind(), 0, signed,
                signed && status.getZeroReport(), metrics, CompletenessCounts.of(status), unit.getTargets(), met, missed);
    }

    private static Contribution withdrawn(Unit unit) {
        return new Contribution(unit.getId(), unit.getId(), unit.getKind(), 0, false, false, Map.of(),
                CompletenessCounts.NONE, Map.of(), 0, 0);
    }
}
