package io.ribao.aggregation.rollup;

import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTotalsTest {

    private final Unit port = under("twn-tianbao", "cp-port", UnitKind.CHECKPOINT);
    private final Unit hamlet = RosterFixtures.unit("cp-hamlet", UnitKind.CHECKPOINT,
            List.of("demo-county", "twn-tianbao", "vlg-east"));

    @Test
    void aRevisionReplacesThePreviousContributionInTheTotals() {
        // given the county holds the hamlet checkpoint's first revision, two levels down
        NodeTotals county = new NodeTotals();
        Contribution first = toCounty(signed(hamlet, Map.of("persons_isolated", 10L)), hamlet);
        county.apply(null, first);

        // when the revision arrives with the previous contribution
        boolean changed = county.apply(first, toCounty(signed(hamlet, Map.of("persons_isolated", 7L)), hamlet));

        // then
        assertThat(changed).isTrue();
        assertThat(county.metricTotals()).containsExactly(Map.entry("persons_isolated", 7L));
        assertThat(county.completeness()).isEqualTo(new CompletenessCounts(1, 1, 0, 0, 0, 0, 0));
        assertThat(county.directChildrenSum("persons_isolated", List.of())).isZero();
    }

    @Test
    void theSameContributionAgainChangesNothing() {
        NodeTotals county = new NodeTotals();
        Contribution first = toCounty(signed(hamlet, Map.of("persons_isolated", 10L)), hamlet);
        county.apply(null, first);

        assertThat(county.apply(first, first)).isFalse();
        assertThat(county.metricTotals()).containsEntry("persons_isolated", 10L);
    }

    @Test
    void aMetricLeavesTheTotalsWithItsLastSignedCarrierButAZeroStays() {
        // given the port signed 0 isolated
        NodeTotals township = new NodeTotals();
        Contribution zero = toTownship(signed(port, Map.of("persons_isolated", 0L)), port);
        township.apply(null, zero);
        assertThat(township.metricTotals()).containsExactly(Map.entry("persons_isolated", 0L));

        // when its status falls back to a draft
        township.apply(zero, toTownship(status(port, UnitDayState.PENDING_SIGNOFF, Map.of()), port));

        // then
        assertThat(township.metricTotals()).isEmpty();
        assertThat(township.completeness().pendingSignoff()).isEqualTo(1);
        assertThat(township.directChildrenSum("persons_isolated", List.of(UnitKind.CHECKPOINT))).isZero();
        assertThat(township.activeDirectChildren()).isZero();
    }

    @Test
    void aWithdrawnSourceLeavesNothingBehind() {
        NodeTotals township = new NodeTotals();
        Contribution signedPort = toTownship(signed(port, Map.of("persons_isolated", 4L)), port);
        township.apply(null, signedPort);
        Unit suspended = Unit.newBuilder(port).setSuspended(true).build();

        township.apply(signedPort, toTownship(signed(suspended, Map.of("persons_isolated", 4L)), suspended));

        assertThat(township.isEmpty()).isTrue();
        assertThat(township).isEqualTo(new NodeTotals());
    }

    @Test
    void aPreviousContributionOfAnotherSourceIsRefused() {
        NodeTotals county = new NodeTotals();
        Contribution ofPort = toCounty(signed(port, Map.of()), port);
        Contribution ofHamlet = toCounty(signed(hamlet, Map.of()), hamlet);

        assertThatThrownBy(() -> county.apply(ofPort, ofHamlet)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cp-port");
    }

    @Test
    void totalsAndContributionsSurviveTheRoundTripThroughBytes() {
        NodeTotals township = new NodeTotals();
        Contribution portPart = toTownship(signed(port, Map.of("persons_isolated", 4L)), port);
        Contribution hamletPart = toTownship(status(hamlet, UnitDayState.MISSING, Map.of()), hamlet);
        township.apply(null, portPart);
        township.apply(null, hamletPart);
        NodeTotalsCodec codec = new NodeTotalsCodec();
        ContributionCodec contributions = new ContributionCodec();

        assertThat(codec.decode(codec.encode(township))).isEqualTo(township);
        assertThat(contributions.decode(contributions.encode(hamletPart))).isEqualTo(hamletPart);
        assertThat(codec.encode(null)).isNull();
        assertThat(contributions.decode(null)).isNull();
    }

    @Test
    void directChildrenAreSummedByKindAndTheActiveOnesCounted() {
        // given a checkpoint and a supervision team directly under the township
        Unit team = under("twn-tianbao", "sup-tianbao", UnitKind.SUPERVISION_TEAM);
        NodeTotals township = new NodeTotals();
        township.apply(null, toTownship(signed(port, Map.of("persons_isolated", 4L)), port));
        township.apply(null, toTownship(signed(team, Map.of("persons_isolated", 2L)), team));
        township.apply(null, toTownship(signed(hamlet, Map.of("persons_isolated", 9L)), hamlet));

        // then the sums are by kind, the grandchild counts in no direct-children sum, the team is not activity
        assertThat(township.directChildrenSum("persons_isolated", List.of(UnitKind.CHECKPOINT))).isEqualTo(4L);
        assertThat(township.directChildrenSum("persons_isolated", List.of())).isEqualTo(6L);
        assertThat(township.activeDirectChildren()).isEqualTo(1);
        assertThat(township.activeDirectChildrenActivity()).isEqualTo(4L);
        assertThat(township.metricTotals()).containsEntry("persons_isolated", 15L);
    }

    @Test
    void theChildrenThemselvesAreReadOnlyThroughTheSuppliedLookup() {
        NodeTotals township = new NodeTotals();
        Contribution portPart = toTownship(signed(port, Map.of("persons_isolated", 4L)), port);
        township.apply(null, portPart);

        assertThat(township.withDirectChildren(() -> List.of(portPart)).directChildValues("persons_isolated",
                List.of(UnitKind.CHECKPOINT))).containsExactly(Map.entry("cp-port", 4L));
        assertThatThrownBy(() -> township.directChildren(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theStoredValueOfANodeWithFiveThousandChildrenIsNoLargerThanWithTen() {
        // given a county whose direct children all sign, each as a first revision and then a second
        NodeTotalsCodec codec = new NodeTotalsCodec();
        NodeTotals county = new NodeTotals();
        int sizeAtTen = 0;
        for (int i = 0; i < 5_000; i++) {
            Unit child = RosterFixtures.unit("cp-" + i, UnitKind.CHECKPOINT, List.of("demo-county"));
            Contribution first = toCounty(signed(child, Map.of("persons_isolated", (long) i % 7)), child);
            // when every update goes through the stored bytes, as the roll-up task does
            county = codec.decode(codec.encode(county));
            county.apply(null, first);
            county.apply(first, toCounty(signed(child, Map.of("persons_isolated", 1L + i % 7)), child));
            if (i == 9) {
                sizeAtTen = codec.encode(county).length;
            }
        }

        // then the value holds sums only: the same size, however many children it covers
        assertThat(codec.encode(county)).hasSize(sizeAtTen);
        assertThat(county.completeness().onTime()).isEqualTo(5_000);
        assertThat(county.activeDirectChildren()).isEqualTo(5_000);
        long expected = 0;
        for (int i = 0; i < 5_000; i++) {
            expected += 1 + i % 7;
        }
        assertThat(county.directChildrenSum("persons_isolated", List.of(UnitKind.CHECKPOINT))).isEqualTo(expected);
    }

    private static Contribution toCounty(UnitDayStatus status, Unit unit) {
        return Contribution.of(status, unit).stream().filter(c -> c.nodeId().equals("demo-county")).findFirst()
                .orElseThrow();
    }

    private static Contribution toTownship(UnitDayStatus status, Unit unit) {
        return Contribution.of(status, unit).stream().filter(c -> c.nodeId().equals("twn-tianbao")).findFirst()
                .orElseThrow();
    }
}
