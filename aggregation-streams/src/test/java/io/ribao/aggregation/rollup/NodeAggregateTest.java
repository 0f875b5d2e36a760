package io.ribao.aggregation.rollup;

import static io.ribao.aggregation.rollup.RosterFixtures.DAY;
import static io.ribao.aggregation.rollup.RosterFixtures.JURISDICTION;
import static io.ribao.aggregation.rollup.RosterFixtures.NOW;
import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.township;
import static io.ribao.aggregation.rollup.RosterFixtures.under;
import static io.ribao.aggregation.rollup.RosterFixtures.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeAggregateTest {

    private final Unit tianbao = township("twn-tianbao");
    private final Unit port = under("twn-tianbao", "cp-port", UnitKind.CHECKPOINT);
    private final Unit pass = under("twn-tianbao", "cp-pass", UnitKind.CHECKPOINT);
    private final Unit patrol = under("twn-tianbao", "pt-river", UnitKind.PATROL);
    private final Unit village = under("twn-tianbao", "vlg-east", UnitKind.VILLAGE);
    private final Unit hamlet = RosterFixtures.unit("cp-hamlet", UnitKind.CHECKPOINT,
            List.of("demo-county", "twn-tianbao", "vlg-east"));

    @Test
    void aRevisionReplacesTheUnitsPreviousContributionInsteadOfAddingToIt() {
        // given the township aggregate holding the port's first signed revision
        NodeAggregate township = new NodeAggregate();
        applyTo(township, "twn-tianbao", signed(port, Map.of("persons_isolated", 10L)), port);

        // when the port signs a revision
        applyTo(township, "twn-tianbao", signed(port, Map.of("persons_isolated", 7L)), port);

        // then only the latest revision counts
        assertThat(township.metricTotals()).containsExactly(Map.entry("persons_isolated", 7L));
        assertThat(township.completeness().expected()).isEqualTo(1);
    }

    @Test
    void applyingTheSameContributionTwiceChangesNothing() {
        NodeAggregate township = new NodeAggregate();
        Contribution first = forNode(signed(port, Map.of("persons_isolated", 10L)), port, "twn-tianbao");

        assertThat(township.apply(first)).isTrue();
        assertThat(township.apply(first)).isFalse();
        assertThat(township.metricTotals()).containsEntry("persons_isolated", 10L);
    }

    @Test
    void completenessFollowsAUnitThroughExpectedPendingMissingAndLate() {
        // given
        NodeAggregate county = new NodeAggregate();

        // when / then: each status replaces the one before
        applyTo(county, "demo-county", status(port, UnitDayState.EXPECTED, Map.of()), port);
        assertThat(county.completeness()).isEqualTo(new CompletenessCounts(1, 0, 0, 0, 0, 0, 0));

        applyTo(county, "demo-county", status(port, UnitDayState.PENDING_SIGNOFF, Map.of("persons_isolated", 3L)), port);
        assertThat(county.completeness()).isEqualTo(new CompletenessCounts(1, 0, 0, 0, 1, 0, 0));
        assertThat(county.metricTotals()).isEmpty();

        UnitDayStatus unsignedAtDeadline = UnitDayStatus.newBuilder(
                status(port, UnitDayState.MISSING, Map.of("persons_isolated", 3L))).setUnsigned(true).build();
        applyTo(county, "demo-county", unsignedAtDeadline, port);
        assertThat(county.completeness()).isEqualTo(new CompletenessCounts(1, 0, 0, 1, 0, 1, 0));

        applyTo(county, "demo-county", status(port, UnitDayState.LATE, Map.of("persons_isolated", 3L)), port);
        assertThat(county.completeness()).isEqualTo(new CompletenessCounts(1, 0, 1, 0, 0, 0, 0));
        assertThat(county.metricTotals()).containsEntry("persons_isolated", 3L);
    }

    @Test
    void completenessAndTotalsCoverTheWholeSubtree() {
        // given
        NodeAggregate county = new NodeAggregate();

        // when
        applyTo(county, "demo-county", signed(tianbao, Map.of("persons_isolated", 9L)), tianbao);
        applyTo(county, "demo-county", signed(port, Map.of("persons_isolated", 4L)), port);
        applyTo(county, "demo-county", status(pass, UnitDayState.MISSING, Map.of()), pass);
        applyTo(county, "demo-county", RosterFixtures.zeroReport(hamlet), hamlet);

        // then
        assertThat(county.metricTotals()).containsEntry("persons_isolated", 13L);
        assertThat(county.completeness()).isEqualTo(new CompletenessCounts(4, 3, 0, 1, 0, 0, 1));
    }

    @Test
    void directChildrenSumsCountOnlySignedChildrenOfTheGivenKindsOneLevelDown() {
        // given the township with two checkpoints, a patrol, a village and a checkpoint under the village
        NodeAggregate township = new NodeAggregate();
        applyTo(township, "twn-tianbao", signed(tianbao, Map.of("centralized_isolation", 5L)), tianbao);
        applyTo(township, "twn-tianbao", signed(port, Map.of("persons_isolated", 4L)), port);
        applyTo(township, "twn-tianbao", signed(pass, Map.of("persons_isolated", 2L)), pass);
        applyTo(township, "twn-tianbao", signed(patrol, Map.of("persons_isolated", 100L)), patrol);
        applyTo(township, "twn-tianbao", signed(hamlet, Map.of("persons_isolated", 1000L)), hamlet);
        applyTo(township, "twn-tianbao", status(village, UnitDayState.PENDING_SIGNOFF, Map.of("persons_isolated", 50L)), village);

        // then
        assertThat(township.directChildrenSum("persons_isolated", List.of(UnitKind.CHECKPOINT))).isEqualTo(6);
        assertThat(township.directChildValues("persons_isolated", List.of(UnitKind.CHECKPOINT)))
                .containsExactly(Map.entry("cp-pass", 2L), Map.entry("cp-port", 4L));
        assertThat(township.directChildrenSum("persons_isolated", List.of(UnitKind.CHECKPOINT, UnitKind.PATROL)))
                .isEqualTo(106);
        assertThat(township.directChildrenSum("persons_isolated", List.of())).isEqualTo(106);
        assertThat(township.directChildren(List.of())).hasSize(4);
        assertThat(township.own()).get().extracting(Contribution::sourceUnitId).isEqualTo("twn-tianbao");
    }

    @Test
    void anEmptyContributionWithdrawsTheUnit() {
        // given
        NodeAggregate township = new NodeAggregate();
        applyTo(township, "twn-tianbao", signed(port, Map.of("persons_isolated", 4L)), port);
        Unit closed = Unit.newBuilder(port).setActiveTo(DAY.minusDays(1)).build();

        // when the roster closes the checkpoint before the day
        boolean changed = township.apply(forNode(signed(closed, Map.of("persons_isolated", 4L)), closed, "twn-tianbao"));

        // then
        assertThat(changed).isTrue();
        assertThat(township.isEmpty()).isTrue();
        assertThat(township.completeness()).isEqualTo(CompletenessCounts.NONE);
    }

    @Test
    void theRollupCarriesTotalsCompletenessAndTargets() {
        // given two units with a vaccine target, one met exactly and one one dose short
        Unit a = withTargets(township("twn-a"), Map.of("vaccine_doses", 100L));
        Unit b = withTargets(township("twn-b"), Map.of("vaccine_doses", 80L));
        NodeAggregate county = new NodeAggregate();
        applyTo(county, "demo-county", signed(a, Map.of("vaccine_doses", 100L)), a);
        applyTo(county, "demo-county", signed(b, Map.of("vaccine_doses", 79L)), b);

        // when
        Rollup rollup = county.toRollup("demo-county", JURISDICTION, DAY, NOW);

        // then
        assertThat(rollup.getNodeId()).isEqualTo("demo-county");
        assertThat(rollup.getJurisdictionId()).isEqualTo(JURISDICTION);
        assertThat(rollup.getDate()).isEqualTo(DAY);
        assertThat(rollup.getUpdatedAt()).isEqualTo(NOW);
        assertThat(rollup.getMetrics()).containsEntry("vaccine_doses", 179L);
        assertThat(rollup.getTargets()).containsEntry("vaccine_doses", 180L);
        assertThat(rollup.getTargetsMet()).isEqualTo(1);
        assertThat(rollup.getTargetsMissed()).isEqualTo(1);
        assertThat(rollup.getCompleteness().getExpected()).isEqualTo(2);
        assertThat(rollup.getCompleteness().getOnTime()).isEqualTo(2);
    }

    private static void applyTo(NodeAggregate aggregate, String nodeId, UnitDayStatus status, Unit unit) {
        aggregate.apply(forNode(status, unit, nodeId));
    }

    private static Contribution forNode(UnitDayStatus status, Unit unit, String nodeId) {
        return Contribution.of(status, unit).stream().filter(c -> c.nodeId().equals(nodeId)).findFirst()
                .orElseThrow();
    }
}
