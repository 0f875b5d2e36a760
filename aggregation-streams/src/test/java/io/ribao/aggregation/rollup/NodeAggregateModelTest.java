package io.ribao.aggregation.rollup;

import static io.ribao.aggregation.rollup.RosterFixtures.DAY;
import static io.ribao.aggregation.rollup.RosterFixtures.JURISDICTION;
import static io.ribao.aggregation.rollup.RosterFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of status changes and revisions, applied through the codecs to both {@link NodeAggregate} and
 * {@link NodeTotals}, against a recount of the latest status of every unit.
 */
class NodeAggregateModelTest {

    private final List<Unit> units = List.of(
            RosterFixtures.county(),
            RosterFixtures.township("twn-a"),
            RosterFixtures.township("twn-b"),
            RosterFixtures.under("twn-a", "cp-a1", UnitKind.CHECKPOINT),
            RosterFixtures.under("twn-a", "sup-a", UnitKind.SUPERVISION_TEAM),
            RosterFixtures.under("twn-a", "vlg-a2", UnitKind.VILLAGE),
            RosterFixtures.unit("cp-a2x", UnitKind.CHECKPOINT, List.of("demo-county", "twn-a", "vlg-a2")),
            RosterFixtures.withTargets(RosterFixtures.under("twn-b", "pt-b1", UnitKind.PATROL), Map.of("m1", 3L)));

    @Test
    void everyNodesAggregateAndTotalsEqualARecountOfTheLatestStatusOfItsSubtree() {
        NodeAggregateCodec codec = new NodeAggregateCodec();
        NodeTotalsCodec totalsCodec = new NodeTotalsCodec();
        ContributionCodec contributionCodec = new ContributionCodec();
        for (long seed = 1; seed <= 50; seed++) {
            // given
            Random random = new Random(seed);
            Map<String, byte[]> stored = new HashMap<>();
            Map<String, byte[]> storedTotals = new HashMap<>();
            Map<String, byte[]> storedSources = new HashMap<>();
            Map<Unit, UnitDayStatus> latest = new LinkedHashMap<>();

            // when every step applies one unit's new status to every node it reaches, through the codec
            for (int step = 0; step < 60; step++) {
                Unit unit = units.get(random.nextInt(units.size()));
                UnitDayStatus status = randomStatus(random, unit);
                // now and then the roster suspends the unit, which withdraws it from every node
                boolean suspend = random.nextInt(8) == 0;
                if (suspend) {
                    latest.remove(unit);
                } else {
                    latest.put(unit, status);
                }
                Unit asListed = suspend ? Unit.newBuilder(unit).setSuspended(true).build() : unit;
                for (Contribution c : Contribution.of(status, asListed)) {
                    NodeAggregate node = stored.containsKey(c.nodeId())
                            ? codec.decode(stored.get(c.nodeId())) : new NodeAggregate();
                    node.apply(c);
                    stored.put(c.nodeId(), codec.encode(node));

                    String sourceKey = c.nodeId() + "/" + c.sourceUnitId();
                    NodeTotals totals = storedTotals.containsKey(c.nodeId())
                            ? totalsCodec.decode(storedTotals.get(c.nodeId())) : new NodeTotals();
                    totals.apply(contributionCodec.decode(storedSources.get(sourceKey)), c);
                    storedTotals.put(c.nodeId(), totalsCodec.encode(totals));
                    storedSources.put(sourceKey, c.isEmpty() ? null : contributionCodec.encode(c));
                }
            }

            // then
            for (Unit node : units) {
                Rollup actual = stored.containsKey(node.getId())
                        ? codec.decode(stored.get(node.getId())).toRollup(node.getId(), JURISDICTION, DAY, NOW)
                        : new NodeAggregate().toRollup(node.getId(), JURISDICTION, DAY, NOW);
                assertThat(actual).as("seed %d node %s", seed, node.getId()).isEqualTo(recount(node, latest));

                NodeTotals totals = storedTotals.containsKey(node.getId())
                        ? totalsCodec.decode(storedTotals.get(node.getId())) : new NodeTotals();
                assertThat(totals.toRollup(node.getId(), JURISDICTION, DAY, NOW))
                        .as("totals, seed %d node %s", seed, node.getId()).isEqualTo(actual);
                NodeAggregate aggregate = stored.containsKey(node.getId())
                        ? codec.decode(stored.get(node.getId())) : new NodeAggregate();
                NodeView withChildren = totals.withDirectChildren(() -> storedSources.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(node.getId() + "/") && e.getValue() != null)
                        .map(e -> contributionCodec.decode(e.getValue()))
                        .sorted(Comparator.comparing(Contribution::sourceUnitId))
                        .toList());
                assertThat(withChildren.directChildren(List.of())).isEqualTo(aggregate.directChildren(List.of()));
                assertThat(totals.own()).isEqualTo(aggregate.own());
                for (String metric : List.of("m1", "m2")) {
                    for (UnitKind kind : UnitKind.values()) {
                        assertThat(totals.directChildrenSum(metric, List.of(kind)))
                                .isEqualTo(aggregate.directChildrenSum(metric, List.of(kind)));
                    }
                    assertThat(totals.directChildrenSum(metric, List.of()))
                            .isEqualTo(aggregate.directChildrenSum(metric, List.of()));
                }
                assertThat(totals.activeDirectChildren()).isEqualTo(aggregate.activeDirectChildren());
                assertThat(totals.activeDirectChildrenActivity())
                        .isEqualTo(aggregate.activeDirectChildrenActivity());
            }
        }
    }

    private static UnitDayStatus randomStatus(Random random, Unit unit) {
        UnitDayState state = UnitDayState.values()[random.nextInt(UnitDayState.values().length)];
        boolean zero = random.nextInt(4) == 0;
        Map<String, Long> metrics = zero ? Map.of() : Map.of("m1", (long) random.nextInt(5), "m2",
                (long) random.nextInt(100));
        return UnitDayStatus.newBuilder(RosterFixtures.status(unit, state, metrics))
                .setZeroReport(zero)
                .setUnsigned(state == UnitDayState.MISSING && random.nextBoolean())
                .build();
    }

    /** The oracle: counts straight from the latest status of each unit in the node's subtree. */
    private static Rollup recount(Unit node, Map<Unit, UnitDayStatus> latest) {
        Map<String, Long> metrics = new HashMap<>();
        Map<String, Long> targets = new HashMap<>();
        int[] c = new int[7];
        int met = 0;
        int missed = 0;
        List<Unit> subtree = new ArrayList<>();
        latest.keySet().stream()
                .filter(u -> u.getId().equals(node.getId()) || u.getAncestorIds().contains(node.getId()))
                .forEach(subtree::add);
        for (Unit u : subtree) {
            UnitDayStatus s = latest.get(u);
            UnitDayState state = s.getState();
            boolean signed = state == UnitDayState.ON_TIME || state == UnitDayState.LATE;
            c[0]++;
            c[1] += state == UnitDayState.ON_TIME ? 1 : 0;
            c[2] += state == UnitDayState.LATE ? 1 : 0;
            c[3] += state == UnitDayState.MISSING ? 1 : 0;
            c[4] += state == UnitDayState.PENDING_SIGNOFF ? 1 : 0;
            c[5] += s.getUnsigned() ? 1 : 0;
            c[6] += signed && s.getZeroReport() ? 1 : 0;
            if (signed) {
                s.getMetrics().forEach((k, v) -> metrics.merge(k, v, Long::sum));
            }
            for (Map.Entry<String, Long> t : u.getTargets().entrySet()) {
                targets.merge(t.getKey(), t.getValue(), Long::sum);
                if (signed) {
                    if (s.getMetrics().getOrDefault(t.getKey(), 0L) >= t.getValue()) {
                        met++;
                    } else {
                        missed++;
                    }
                } else if (state == UnitDayState.MISSING) {
                    missed++;
                }
            }
        }
        return Rollup.newBuilder()
                .setNodeId(node.getId())
                .setJurisdictionId(JURISDICTION)
                .setDate(DAY)
                .setMetrics(metrics)
                .setCompleteness(new CompletenessCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6]).toAvro())
                .setTargets(targets)
                .setTargetsMet(met)
                .setTargetsMissed(missed)
                .setUpdatedAt(NOW)
                .build();
    }
}
