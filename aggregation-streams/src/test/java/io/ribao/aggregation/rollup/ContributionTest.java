package io.ribao.aggregation.rollup;

import static io.ribao.aggregation.rollup.RosterFixtures.DAY;
import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.under;
import static io.ribao.aggregation.rollup.RosterFixtures.withTargets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContributionTest {

    private final Unit checkpoint = under("twn-tianbao", "cp-port", UnitKind.CHECKPOINT);

    @Test
    void sameShareAgreesWithComparingTheSharesForEveryPairOfStatuses() {
        Unit unit = withTargets(checkpoint, Map.of("persons_isolated", 5L));
        Unit suspended = Unit.newBuilder(unit).setSuspended(true).build();
        List<UnitDayStatus> statuses = new ArrayList<>();
        for (UnitDayState state : UnitDayState.values()) {
            for (boolean unsigned : List.of(false, true)) {
                for (boolean zero : List.of(false, true)) {
                    for (Map<String, Long> metrics : List.of(Map.<String, Long>of(), Map.of("persons_isolated", 4L),
                            Map.of("persons_isolated", 6L))) {
                        for (int revision : List.of(1, 2)) {
                            statuses.add(UnitDayStatus.newBuilder(status(unit, state, metrics))
                                    .setUnsigned(unsigned).setZeroReport(zero).setRevision(revision).build());
                        }
                    }
                }
            }
        }
        for (UnitDayStatus a : statuses) {
            for (UnitDayStatus b : statuses) {
                boolean equalShares = Contribution.ownOf(a, unit).equals(Contribution.ownOf(b, unit));
                assertThat(Contribution.sameShare(a, b)).as("%s vs %s", a, b).isEqualTo(equalShares);
                if (Contribution.sameShare(a, b)) {
                    assertThat(Contribution.ownOf(a, suspended)).isEqualTo(Contribution.ownOf(b, suspended));
                }
            }
        }
        assertThatThrownBy(() -> Contribution.sameShare(statuses.get(0),
                status(under("twn-tianbao", "cp-other", UnitKind.CHECKPOINT), UnitDayState.EXPECTED, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUnitMovedToAnotherTownshipWithdrawsFromTheOldOneOnly() {
        Unit moved = under("twn-shuangqiao", "cp-port", UnitKind.CHECKPOINT);

        List<Contribution> withdrawals = Contribution.withdrawalsOnMove(checkpoint, moved);

        assertThat(withdrawals).extracting(Contribution::nodeId, Contribution::sourceUnitId, Contribution::depth)
                .containsExactly(tuple("twn-tianbao", "cp-port", 1));
        assertThat(withdrawals).allSatisfy(w -> assertThat(w.isEmpty()).isTrue());
        assertThat(Contribution.withdrawalsOnMove(checkpoint, checkpoint)).isEmpty();
    }

    @Test
    void aUnitMovedUnderANewUnitOfItsOldParentWithdrawsItsOwnShareThereWhichNowCountsInASubtotal() {
        Unit deeper = RosterFixtures.unit("cp-port", UnitKind.CHECKPOINT,
                List.of("demo-county", "twn-tianbao", "vil-new"));

        assertThat(Contribution.withdrawalsOnMove(checkpoint, deeper))
                .extracting(Contribution::nodeId, Contribution::depth, Contribution::isEmpty)
                .containsExactly(tuple("twn-tianbao", 1, true));
        assertThat(Contribution.withdrawalsOnMove(deeper, checkpoint))
                .extracting(Contribution::nodeId, Contribution::depth).containsExactly(tuple("vil-new", 1));
        assertThat(Contribution.travelsAlone(1)).isTrue();
        assertThat(Contribution.travelsAlone(2)).isFalse();
    }

    @Test
    void aUnitLeavingTheRosterWithdrawsEveryShare() {
        assertThat(Contribution.withdrawalsOnRemoval(checkpoint))
                .extracting(Contribution::nodeId, Contribution::depth, Contribution::isEmpty)
                .containsExactly(tuple("cp-port", 0, true), tuple("twn-tianbao", 1, true),
                        tuple("demo-county", 2, true));
    }

    @Test
    void aUnitWithoutChildrenContributesOnlyToItsAncestorsAndTheRootAlwaysToItself() {
        Unit leaf = Unit.newBuilder(checkpoint).setHasChildren(false).build();
        Unit lonelyRoot = Unit.newBuilder(checkpoint).setParentId(null).setAncestorIds(List.of()).setHasChildren(false)
                .build();

        assertThat(Contribution.isRollupNode(checkpoint)).isTrue();
        assertThat(Contribution.isRollupNode(leaf)).isFalse();
        assertThat(Contribution.isRollupNode(lonelyRoot)).isTrue();
        assertThat(Contribution.of(signed(leaf, Map.of("persons_isolated", 4L)), leaf))
                .extracting(Contribution::nodeId, Contribution::depth)
                .containsExactly(tuple("twn-tianbao", 1), tuple("demo-county", 2));
        assertThat(Contribution.of(signed(lonelyRoot, Map.of("persons_isolated", 4L)), lonelyRoot))
                .extracting(Contribution::nodeId, Contribution::depth).containsExactly(tuple("cp-port", 0));
    }

    @Test
    void aUnitThatLosesItsLastChildWithdrawsFromItselfAndOneThatGainsOneMovesItsShares() {
        Unit leaf = Unit.newBuilder(checkpoint).setHasChildren(false).build();

        List<Contribution> withdrawals = Contribution.withdrawalsOnMove(checkpoint, leaf);

        assertThat(withdrawals).extracting(Contribution::nodeId, Contribution::sourceUnitId, Contribution::depth)
                .containsExactly(tuple("cp-port", "cp-port", 0));
        assertThat(withdrawals).allSatisfy(w -> assertThat(w.isEmpty()).isTrue());
        assertThat(Contribution.withdrawalsOnMove(leaf, checkpoint)).isEmpty();
        assertThat(Contribution.sharesMove(checkpoint, leaf)).isTrue();
        assertThat(Contribution.sharesMove(leaf, checkpoint)).isTrue();
        assertThat(Contribution.sharesMove(leaf, Unit.newBuilder(leaf).setName("改名").build())).isFalse();
    }

    @Test
    void aUnitDayContributesToItselfAndEveryAncestorWithItsDepth() {
        // given a checkpoint under a township under the county, signed on time
        // when
        List<Contribution> contributions = Contribution.of(signed(checkpoint, Map.of("persons_isolated", 4L)), checkpoint);

        // then
        assertThat(contributions).extracting(Contribution::nodeId, Contribution::depth)
                .containsExactly(
                        tuple("cp-port", 0),
                        tuple("twn-tianbao", 1),
                        tuple("demo-county", 2));
        assertThat(contributions).allSatisfy(c -> {
            assertThat(c.sourceUnitId()).isEqualTo("cp-port");
            assertThat(c.sourceKind()).isEqualTo(UnitKind.CHECKPOINT);
            assertThat(c.signed()).isTrue();
            assertThat(c.metrics()).containsEntry("persons_isolated", 4L);
            assertThat(c.completeness()).isEqualTo(new CompletenessCounts(1, 1, 0, 0, 0, 0, 0));
        });
    }

    @Test
    void anUnsignedDraftCountsAsExpectedButAddsNoMetrics() {
        // given
        var pending = status(checkpoint, UnitDayState.PENDING_SIGNOFF, Map.of("persons_isolated", 4L));

        // when
        Contribution own = Contribution.of(pending, checkpoint).get(0);

        // then
        assertThat(own.signed()).isFalse();
        assertThat(own.metrics()).isEmpty();
        assertThat(own.completeness()).isEqualTo(new CompletenessCounts(1, 0, 0, 0, 1, 0, 0));
    }

    @Test
    void aSuspendedUnitContributesNothingSoItsEarlierContributionIsWithdrawn() {
        // given
        Unit suspended = Unit.newBuilder(checkpoint).setSuspended(true).build();

        // when
        List<Contribution> contributions = Contribution.of(signed(suspended, Map.of("persons_isolated", 4L)), suspended);

        // then
        assertThat(contributions).hasSize(3).allMatch(Contribution::isEmpty);
    }

    @Test
    void aUnitIsActiveFromItsFirstToItsLastDayBothIncluded() {
        // given a temporary checkpoint open for exactly DAY
        Unit temporary = Unit.newBuilder(checkpoint).setActiveFrom(DAY).setActiveTo(DAY).build();

        // then
        assertThat(Contribution.isActive(temporary, DAY)).isTrue();
        assertThat(Contribution.isActive(temporary, DAY.minusDays(1))).isFalse();
        assertThat(Contribution.isActive(temporary, DAY.plusDays(1))).isFalse();
    }

    @Test
    void targetsAreDecidedOnceSignedAndAllMissedWhenTheDayIsMissing() {
        // given a unit with two daily targets
        Unit township = withTargets(RosterFixtures.township("twn-tianbao"),
                Map.of("vaccine_doses", 100L, "samples_collected", 50L));

        // when
        Contribution signedBelowOne = Contribution.of(
                signed(township, Map.of("vaccine_doses", 100L, "samples_collected", 49L)), township).get(0);
        Contribution missing = Contribution.of(status(township, UnitDayState.MISSING, Map.of()), township).get(0);
        Contribution pending = Contribution.of(
                status(township, UnitDayState.PENDING_SIGNOFF, Map.of("vaccine_doses", 0L)), township).get(0);

        // then
        assertThat(signedBelowOne.targetsMet()).isEqualTo(1);
        assertThat(signedBelowOne.targetsMissed()).isEqualTo(1);
        assertThat(missing.targetsMet()).isZero();
        assertThat(missing.targetsMissed()).isEqualTo(2);
        assertThat(pending.targetsMet() + pending.targetsMissed()).isZero();
        assertThat(pending.targets()).containsEntry("vaccine_doses", 100L);
    }

    @Test
    void aShareSentUpOnlyFromItsOwnUnitAndFromItsOwnLevel() {
        Contribution own = Contribution.ownOf(signed(checkpoint, Map.of("persons_isolated", 4L)), checkpoint);
        Unit other = under("twn-tianbao", "cp-other", UnitKind.CHECKPOINT);

        assertThat(Contribution.towardAncestors(own, checkpoint))
                .isEqualTo(Contribution.of(signed(checkpoint, Map.of("persons_isolated", 4L)), checkpoint));
        assertThatThrownBy(() -> Contribution.towardAncestors(own, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cp-other");
        Contribution township = Contribution.towardAncestors(own, checkpoint).get(1);
        assertThatThrownBy(() -> Contribution.towardAncestors(township, checkpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("depth 1");
    }

    @Test
    void aStatusPairedWithAnotherUnitIsRefused() {
        Unit other = under("twn-tianbao", "cp-other", UnitKind.CHECKPOINT);

        assertThatThrownBy(() -> Contribution.of(signed(checkpoint, Map.of()), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cp-port");
    }
}
