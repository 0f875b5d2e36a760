package io.ribao.aggregation.rollup;

import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.under;
import static io.ribao.aggregation.rollup.RosterFixtures.withTargets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.aggregation.binary.BinaryReader;
import io.ribao.aggregation.binary.BinaryWriter;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ContributionCodecTest {

    private final ContributionCodec codec = new ContributionCodec();
    private final Unit checkpoint = withTargets(under("twn-tianbao", "cp-port", UnitKind.CHECKPOINT),
            Map.of("persons_isolated", 3L));

    @Test
    void everyShareOfAUnitDaySurvivesTheBytesAndEqualSharesGiveEqualBytes() {
        for (Contribution share : Contribution.of(
                signed(checkpoint, Map.of("persons_isolated", 4L, "核酸采样", 120L)), checkpoint)) {
            byte[] bytes = codec.encode(share);
            Contribution read = codec.decode(bytes);
            assertThat(read).isEqualTo(share);
            assertThat(codec.encode(read)).isEqualTo(bytes);
        }
    }

    @Test
    void figuresAreWrittenInCodeOrderWhateverOrderTheyCameIn() {
        Map<String, Long> descending = new LinkedHashMap<>();
        for (String code : List.of("核酸采样", "vehicles", "persons_isolated", "patrols", "b", "a")) {
            descending.put(code, (long) code.length());
        }
        BinaryWriter given = new BinaryWriter(64);
        ContributionCodec.writeMap(given, descending);
        BinaryWriter inCodeOrder = new BinaryWriter(64);
        ContributionCodec.writeMap(inCodeOrder, new TreeMap<>(descending));

        assertThat(given.toByteArray()).isEqualTo(inCodeOrder.toByteArray());
        assertThat(ContributionCodec.readMap(new BinaryReader(given.toByteArray())).keySet())
                .containsExactly("a", "b", "patrols", "persons_isolated", "vehicles", "核酸采样");
    }

    @Test
    void aMapLargerThanItsBytesIsRefusedBeforeAnythingIsAllocated() {
        BinaryWriter out = new BinaryWriter(64).writeByte(1)
                .writeUTF("cp-port").writeUTF("cp-port").writeUTF("CHECKPOINT").writeInt(0)
                .writeBoolean(true).writeBoolean(false)
                .writeInt(Integer.MAX_VALUE);

        assertThatThrownBy(() -> codec.decode(out.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt contribution bytes")
                .hasMessageContaining(Integer.MAX_VALUE + " entries");
    }
}
