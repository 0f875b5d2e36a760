package io.ribao.aggregation.stream;

import static io.ribao.aggregation.rollup.RosterFixtures.DAY;
import static io.ribao.aggregation.rollup.RosterFixtures.JURISDICTION;
import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.NodeTotals;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TaskSubtotalsTest {

    private static final String COUNTY = "demo-county";
    private static final Unit VILLAGE = unit("vil-1", UnitKind.VILLAGE, List.of(COUNTY, "twn-a"));
    private static final Unit DEEP = unit("cp-1", UnitKind.CHECKPOINT, List.of(COUNTY, "twn-a", "vil-1"));

    private final TaskSubtotals subtotals = new TaskSubtotals(1);

    @Test
    void aUnitDaysSharesTwoOrMoreLevelsUpAreSummedAndTheOthersReturnedToTravelAlone() {
        List<Contribution> alone = place(VILLAGE, signed(VILLAGE, Map.of("m", 3L)));
        place(DEEP, signed(DEEP, Map.of("m", 4L)));

        assertThat(alone).extracting(Contribution::nodeId, Contribution::depth)
                .containsExactly(tuple("vil-1", 0), tuple("twn-a", 1));
        Map<String, NodeSubtotal> taken = take();
        assertThat(taken).containsOnlyKeys(COUNTY + "/" + DAY, "twn-a/" + DAY);
        assertThat(taken.get(COUNTY + "/" + DAY).totals().metricTotals()).containsEntry("m", 7L);
        assertThat(taken.get(COUNTY + "/" + DAY).totals().completeness().onTime()).isEqualTo(2);
        assertThat(taken.get(COUNTY + "/" + DAY).sourceTask()).isEqualTo(1);
        assertThat(taken.get("twn-a/" + DAY).totals().metricTotals()).containsEntry("m", 4L);
        assertThat(take()).as("nothing changed since").isEmpty();
    }

    @Test
    void aRevisionReplacesTheUnitDaysShareAndOneThatChangesNothingSendsNothing() {
        place(VILLAGE, signed(VILLAGE, Map.of("m", 3L)));
        take();

        place(VILLAGE, signed(VILLAGE, Map.of("m", 5L)));
        assertThat(take().get(COUNTY + "/" + DAY).totals().metricTotals()).containsEntry("m", 5L);
        place(VILLAGE, signed(VILLAGE, Map.of("m", 5L)));
        assertThat(take()).isEmpty();
    }

    @Test
    void aMovedUnitLeavesItsOldAncestorsSubtotalWhichGoesOutEmptyOnceAndThenLeavesMemory() {
        Unit moved = unit("vil-1", UnitKind.VILLAGE, List.of("other-county", "twn-z"));
        place(VILLAGE, signed(VILLAGE, Map.of("m", 3L)));
        take();

        place(moved, signed(moved, Map.of("m", 3L)));

        Map<String, NodeSubtotal> taken = take();
        assertThat(taken.get(COUNTY + "/" + DAY).totals().isEmpty()).isTrue();
        assertThat(taken.get("other-county/" + DAY).totals().metricTotals()).containsEntry("m", 3L);
        subtotals.markAllChanged();
        assertThat(take()).as("the emptied subtotal is gone").containsOnlyKeys("other-county/" + DAY);
    }

    @Test
    void aForgottenUnitDayLeavesTheSumsAsSentAndItsLastSubtotalLeavesMemoryUnsent() {
        place(VILLAGE, signed(VILLAGE, Map.of("m", 3L)));
        place(DEEP, signed(DEEP, Map.of("m", 4L)));
        take();

        subtotals.forget("vil-1/" + DAY, DAY);
        subtotals.markAllChanged();
        assertThat(take().get(COUNTY + "/" + DAY).totals().metricTotals()).containsEntry("m", 7L);
        subtotals.forget("cp-1/" + DAY, DAY);
        subtotals.markAllChanged();
        assertThat(take()).isEmpty();
    }

    @Test
    void aUnitDayForgottenBeforeItsChangedSubtotalWentOutStillSendsItOnceThenLeavesMemory() {
        place(VILLAGE, signed(VILLAGE, Map.of("m", 3L)));
        take();
        // a revision read just before the day locks: its share toward the county is in the subtotal, not yet sent
        place(VILLAGE, signed(VILLAGE, Map.of("m", 5L)));

        subtotals.forget("vil-1/" + DAY, DAY);

        assertThat(take().get(COUNTY + "/" + DAY).totals().metricTotals()).containsEntry("m", 5L);
        subtotals.markAllChanged();
        assertThat(take()).isEmpty();
    }

    /**
     * Random revisions, state changes, suspensions and moves of units spread over three tasks, the subtotals taken at
     * random moments and tasks restarted (rebuilt from their unit-days' latest statuses, after a commit), applied as a
     * roll-up task applies them: every node ends with exactly the totals of every unit-day's shares applied one by one.
     */
    @Test
    void nodesFedBySubtotalsEqualNodesFedEveryShareOnItsOwn() {
        List<List<String>> places = List.of(List.of(COUNTY), List.of(COUNTY, "twn-a"), List.of(COUNTY, "twn-b"),
                List.of(COUNTY, "twn-a", "vil-a"), List.of(COUNTY, "twn-b", "vil-b"),
                List.of(COUNTY, "twn-a", "vil-a", "grp-a"));
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            int tasks = 3;
            List<TaskSubtotals> tasksSubtotals = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                tasksSubtotals.add(new TaskSubtotals(t));
            }
            Map<String, Unit> units = new TreeMap<>();
            Map<String, UnitDayStatus> latest = new TreeMap<>();
            RollupSide rollups = new RollupSide();
            for (int step = 0; step < 60; step++) {
                String id = "u-" + random.nextInt(8);
                int task = Math.floorMod(id.hashCode(), tasks);
                Unit before = units.get(id);
                Unit unit = Unit.newBuilder(unit(id, UnitKind.CHECKPOINT, places.get(random.nextInt(places.size()))))
                        .setSuspended(random.nextInt(8) == 0).setHasChildren(random.nextBoolean())
                        .setTargets(random.nextBoolean() ? Map.of("m", 5L) : Map.of()).build();
                UnitDayStatus status = randomStatus(random, unit);
                if (before != null) {
                    Contribution.withdrawalsOnMove(before, unit).forEach(rollups::apply);
                }
                units.put(id, unit);
                latest.put(id, status);
                tasksSubtotals.get(task).place(id + "/" + DAY, JURISDICTION, DAY,
                        Contribution.towardAncestors(Contribution.ownOf(status, unit), unit))
                        .forEach(rollups::apply);
                if (random.nextInt(4) == 0) {
                    tasksSubtotals.get(random.nextInt(tasks)).takeChanged().forEach(rollups::apply);
                }
                if (random.nextInt(15) == 0) {
                    // A task restarts from what it committed, and a commit holds every subtotal a change emptied: the
                    // processor sends those in the record or punctuation that made them (only a report's opening of
                    // its day waits for the next punctuation, and that adds to a subtotal, which a rebuild has too).
                    int restarted = random.nextInt(tasks);
                    tasksSubtotals.get(restarted).takeChanged().forEach(rollups::apply);
                    TaskSubtotals rebuilt = new TaskSubtotals(restarted);
                    latest.forEach((unitId, s) -> {
                        if (Math.floorMod(unitId.hashCode(), tasks) == restarted) {
                            Unit u = units.get(unitId);
                            rebuilt.place(unitId + "/" + DAY, JURISDICTION, DAY,
                                    Contribution.towardAncestors(Contribution.ownOf(s, u), u));
                        }
                    });
                    rebuilt.markAllChanged();
                    tasksSubtotals.set(restarted, rebuilt);
                }
            }
            tasksSubtotals.forEach(t -> t.takeChanged().forEach(rollups::apply));

            Map<String, NodeTotals> expected = new TreeMap<>();
            latest.forEach((id, status) -> Contribution.towardAncestors(
                    Contribution.ownOf(status, units.get(id)), units.get(id)).forEach(share ->
                    expected.computeIfAbsent(share.nodeId(), n -> new NodeTotals()).apply(null, share)));
            expected.values().removeIf(NodeTotals::isEmpty);
            assertThat(rollups.nonEmpty()).as("seed %d", seed).isEqualTo(expected);
        }
    }

    private static UnitDayStatus randomStatus(Random random, Unit unit) {
        return switch (random.nextInt(4)) {
            case 0 -> status(unit, UnitDayState.EXPECTED, Map.of());
            case 1 -> status(unit, UnitDayState.MISSING, Map.of());
            default -> signed(unit, random.nextBoolean()
                    ? Map.of("m", (long) random.nextInt(10)) : Map.of("m", 1L, "n", (long) random.nextInt(3)));
        };
    }

    /** What a roll-up task keeps: each node's totals, each source's share, each task's subtotal. */
    private static final class RollupSide {
        private final Map<String, NodeTotals> nodes = new HashMap<>();
        private final Map<String, Contribution> shares = new HashMap<>();
        private final Map<String, NodeTotals> subtotals = new HashMap<>();

        void apply(Contribution share) {
            String key = share.nodeId() + "/" + share.sourceUnitId();
            nodes.computeIfAbsent(share.nodeId(), n -> new NodeTotals()).apply(shares.get(key), share);
            shares.put(key, share);
        }

        void apply(NodeSubtotal subtotal) {
            String key = subtotal.nodeId() + "#" + subtotal.sourceTask();
            nodes.computeIfAbsent(subtotal.nodeId(), n -> new NodeTotals())
                    .applySubtotal(subtotals.get(key), subtotal.totals());
            subtotals.put(key, subtotal.totals());
        }

        Map<String, NodeTotals> nonEmpty() {
            Map<String, NodeTotals> result = new TreeMap<>(nodes);
            result.values().removeIf(NodeTotals::isEmpty);
            return result;
        }
    }

    private List<Contribution> place(Unit unit, UnitDayStatus status) {
        return subtotals.place(unit.getId() + "/" + DAY, JURISDICTION, DAY,
                Contribution.towardAncestors(Contribution.ownOf(status, unit), unit));
    }

    private Map<String, NodeSubtotal> take() {
        Map<String, NodeSubtotal> taken = new TreeMap<>();
        subtotals.takeChanged().forEach(s -> taken.put(s.nodeId() + "/" + s.date(), s));
        return taken;
    }
}
