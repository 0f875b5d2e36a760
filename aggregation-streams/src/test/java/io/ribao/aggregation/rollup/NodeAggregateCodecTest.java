package io.ribao.aggregation.rollup;

import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.under;
import static io.ribao.aggregation.rollup.RosterFixtures.withTargets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeAggregateCodecTest {

    private final NodeAggregateCodec codec = new NodeAggregateCodec();

    @Test
    void anAggregateSurvivesTheRoundTripThroughBytes() {
        // given an aggregate with a signed, a missing and a targeted contribution
        Unit port = under("twn-tianbao", "cp-port", UnitKind.CHECKPOINT);
        Unit pass = withTargets(under("twn-tianbao", "cp-pass", UnitKind.CHECKPOINT), Map.of("persons_registered", 9L));
        NodeAggregate aggregate = new NodeAggregate();
        Contribution.of(signed(port, Map.of("persons_isolated", 4L, "persons_registered", 120L)), port).stream()
                .filter(c -> c.nodeId().equals("demo-county")).forEach(aggregate::apply);
        Contribution.of(status(pass, UnitDayState.MISSING, Map.of()), pass).stream()
                .filter(c -> c.nodeId().equals("demo-county")).forEach(aggregate::apply);

        // when
        NodeAggregate decoded = codec.decode(codec.encode(aggregate));

        // then
        assertThat(decoded).isEqualTo(aggregate);
        assertThat(decoded.metricTotals()).containsEntry("persons_registered", 120L);
        assertThat(decoded.contributionOf("cp-pass")).get().extracting(Contribution::targetsMissed).isEqualTo(1);
    }

    @Test
    void nullStaysNullForTombstones() {
        assertThat(codec.encode(null)).isNull();
        assertThat(codec.decode(null)).isNull();
    }

    @Test
    void bytesOfAnUnknownFormatAreRefused() {
        assertThatThrownBy(() -> codec.decode(new byte[] {9, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt");
    }
}
