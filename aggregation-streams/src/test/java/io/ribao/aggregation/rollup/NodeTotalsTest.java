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
        assertThat(county.directChildren(List.of())).isEmpty();
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
        assertThat(township.directChildren(List.of(UnitKind.CHECKPOINT))).hasSize(1);
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

    private static Contribution toCounty(UnitDayStatus status, Unit unit) {
        return Contribution.of(status, unit).stream().filter(c -> c.nodeId().equals("demo-county")).findFirst()
                .orElseThrow();
    }

    private static Contribution toTownship(UnitDayStatus status, Unit unit) {
        return Contribution.of(status, unit).stream().filter(c -> c.nodeId().equals("twn-tianbao")).findFirst()
                .orElseThrow();
    }
}
