package io.ribao.aggregation.stream;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.NodeTotals;
import io.ribao.topics.Keys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit-day task's shares toward ancestors two or more levels up, summed per node-day (decision 282): the county of a
 * county → township → village tree gets one subtotal per task per punctuation instead of one share per changed village.
 * Such a share only adds to the node's sums — the node keeps its own share and its direct children's one by one, for
 * the cross-level rules — so a sum of many is worth the same there.
 *
 * <p>Each unit-day's shares are replaced, never added twice: the shares it last put in are taken out first, from
 * whichever node-days they went to (so a unit moved in the tree leaves its old ancestors). Only in memory: a task
 * rebuilds its subtotals from its open unit-days when it starts ({@link #markAllChanged} then sends every one), and the
 * roll-up task replaces the subtotal it holds from that task with what arrives. Not thread-safe: one per task.
 */
public final class TaskSubtotals {

    /** One node-day's subtotal and how many of the task's unit-days are in it. */
    private static final class Subtotal {
        private final String nodeDay;
        private final String jurisdictionId;
        private final LocalDate date;
        private final String nodeId;
        private final NodeTotals totals = new NodeTotals();
        private int unitDays;

        private Subtotal(String nodeDay, String jurisdictionId, LocalDate date, String nodeId) {
            this.nodeDay = nodeDay;
            this.jurisdictionId = jurisdictionId;
            this.date = date;
            this.nodeId = nodeId;
        }
    }

    /** unitId/date → the shares the unit-day put in, as put in. */
    private final Map<String, List<Contribution>> placed = new HashMap<>();
    /** nodeId/date → its subtotal. */
    private final Map<String, Subtotal> subtotals = new HashMap<>();
    /** The node-days whose subtotal changed since they were last taken. */
    private final Set<String> changed = new LinkedHashSet<>();
    private final int task;

    /** @param task the partition of the unit-day task, which names its subtotals at the roll-up tasks */
    public TaskSubtotals(int task) {
        this.task = task;
    }

    /**
     * Puts the unit-day's shares toward ancestors two or more levels up into their node-days' subtotals, in place of
     * what it put in before, and returns the shares that travel on their own ({@link Contribution#travelsAlone}).
     *
     * @param shares every share of the unit-day, as {@link Contribution#towardAncestors} makes them; none (or empty
     *               ones) takes the unit-day out
     */
    public List<Contribution> place(String dayKey, String jurisdictionId, LocalDate date, List<Contribution> shares) {
        List<Contribution> alone = new ArrayList<>(2);
        List<Contribution> deep = new ArrayList<>(shares.size());
        for (Contribution share : shares) {
            if (Contribution.travelsAlone(share.depth())) {
                alone.add(share);
            } else if (!share.isEmpty()) {
                deep.add(share);
            }
        }
        List<Contribution> before = deep.isEmpty() ? placed.remove(dayKey) : placed.put(dayKey, List.copyOf(deep));
        if (before != null) {
            for (Contribution previous : before) {
                Contribution next = find(deep, previous.nodeId());
                Subtotal subtotal = subtotals.get(Keys.ofDay(previous.nodeId(), date));
                if (next == null) {
                    subtotal.unitDays--;
                }
                change(subtotal, previous, next == null ? previous.withdrawal() : next);
            }
        }
        for (Contribution next : deep) {
            if (before == null || find(before, next.nodeId()) == null) {
                Subtotal subtotal = subtotals.computeIfAbsent(Keys.ofDay(next.nodeId(), date),
                        nodeDay -> new Subtotal(nodeDay, jurisdictionId, date, next.nodeId()));
                subtotal.unitDays++;
                change(subtotal, null, next);
            }
        }
        return alone;
    }

    /**
     * The unit-day can change no more (its day locked): it leaves the subtotals, which keep their sums — its node-days
     * lock with it — and leave memory with their last unit-day: at once when their sums went out already, else once
     * the next {@link #takeChanged} has sent them (a revision read just before the lock).
     */
    public void forget(String dayKey, LocalDate date) {
        List<Contribution> before = placed.remove(dayKey);
        if (before == null) {
            return;
        }
        for (Contribution previous : before) {
            String nodeDay = Keys.ofDay(previous.nodeId(), date);
            Subtotal subtotal = subtotals.get(nodeDay);
            if (--subtotal.unitDays == 0 && !changed.contains(nodeDay)) {
                subtotals.remove(nodeDay);
            }
        }
    }

    /** Every subtotal is sent at the next take: what a task that has just rebuilt them owes the roll-up tasks. */
    public void markAllChanged() {
        changed.addAll(subtotals.keySet());
    }

    /**
     * The subtotals changed since the last take, each a copy keyed by its node-day; a subtotal that no unit-day is in any
     * more goes out empty, once, and leaves memory.
     */
    public List<NodeSubtotal> takeChanged() {
        List<NodeSubtotal> taken = new ArrayList<>(changed.size());
        for (String nodeDay : changed) {
            Subtotal subtotal = subtotals.get(nodeDay);
            taken.add(new NodeSubtotal(subtotal.jurisdictionId, subtotal.date, subtotal.nodeId, task,
                    subtotal.totals.copy()));
            if (subtotal.unitDays == 0) {
                subtotals.remove(nodeDay);
            }
        }
        changed.clear();
        return taken;
    }

    private void change(Subtotal subtotal, Contribution previous, Contribution next) {
        if (subtotal.totals.apply(previous, next)) {
            changed.add(subtotal.nodeDay);
        }
    }

    private static Contribution find(List<Contribution> shares, String nodeId) {
        for (Contribution share : shares) {
            if (share.nodeId().equals(nodeId)) {
                return share;
            }
        }
        return null;
    }
}
