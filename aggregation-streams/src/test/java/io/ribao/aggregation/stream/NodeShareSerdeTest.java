package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.ContributionCodec;
import io.ribao.aggregation.rollup.RosterFixtures;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class NodeShareSerdeTest {

    private final Topics topics = new Topics(SchemaRegistries.forUrl("mem://node-contribution-serde-test"));
    private final NodeShareSerde serde = new NodeShareSerde(topics.units());
    private final Unit village = RosterFixtures.withTargets(
            RosterFixtures.under("twn-a", "vil-1", UnitKind.VILLAGE), Map.of("inspections", 3L));

    @Test
    void aContributionWithItsNodeUnitSurvivesTheTopic() {
        List<Contribution> shares = Contribution.of(
                RosterFixtures.signed(village, Map.of("inspections", 4L, "hazards", 1L)), village);
        NodeContribution own = new NodeContribution("demo", RosterFixtures.DAY, shares.get(0), village);
        NodeContribution toCounty = new NodeContribution("demo", RosterFixtures.DAY, shares.get(2), null);

        assertThat(roundTrip(own)).isEqualTo(own);
        assertThat(roundTrip(toCounty)).isEqualTo(toCounty);
        assertThat(((NodeContribution) roundTrip(toCounty)).contribution().nodeId()).isEqualTo("demo-county");
    }

    @Test
    void recordsOfTheFirstFormatAreStillRead() throws IOException {
        Contribution own = Contribution.of(RosterFixtures.signed(village, Map.of("inspections", 4L)), village).get(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("demo");
            out.writeUTF(RosterFixtures.DAY.toString());
            byte[] encoded = new ContributionCodec().encode(own);
            out.writeInt(encoded.length);
            out.write(encoded);
            out.writeInt(-1);
        }

        NodeShare read = serde.deserializer().deserialize("t", bytes.toByteArray());

        assertThat(read).isEqualTo(new NodeContribution("demo", RosterFixtures.DAY, own, null));
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("node share format version 9");
    }

    @Test
    void aTasksSubtotalSurvivesTheTopic() {
        Unit other = RosterFixtures.withTargets(
                RosterFixtures.under("twn-b", "vil-2", UnitKind.VILLAGE), Map.of("inspections", 5L));
        TaskSubtotals subtotals = new TaskSubtotals(2);
        for (Unit unit : List.of(village, other)) {
            subtotals.place(unit.getId() + "/" + RosterFixtures.DAY, "demo", RosterFixtures.DAY, Contribution.of(
                    RosterFixtures.signed(unit, Map.of("inspections", 4L, "hazards", 1L)), unit));
        }
        NodeSubtotal subtotal = subtotals.takeChanged().get(0);

        NodeShare read = roundTrip(subtotal);

        assertThat(read).isEqualTo(subtotal);
        assertThat(((NodeSubtotal) read).totals().metricTotals()).containsEntry("inspections", 8L);
        assertThat(read).isEqualTo(new NodeSubtotal("demo", RosterFixtures.DAY, "demo-county", 2,
                ((NodeSubtotal) read).totals()));
    }

    private NodeShare roundTrip(NodeShare value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
