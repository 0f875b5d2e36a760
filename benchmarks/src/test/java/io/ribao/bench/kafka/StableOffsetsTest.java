package io.ribao.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.bench.kafka.StableOffsets.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StableOffsetsTest {

    private static final List<Sample> SAMPLES = List.of(
            new Sample(1_000, Map.of(0, 10L, 1, 5L)),
            new Sample(1_010, Map.of(0, 21L, 1, 5L)),
            new Sample(1_020, Map.of(0, 21L, 1, 9L)));

    @Test
    void aRecordIsCommittedOnceTheStableOffsetIsPastIt() {
        assertThat(StableOffsets.firstCovering(SAMPLES, Map.of(0, 9L))).isEqualTo(1_000);
        assertThat(StableOffsets.firstCovering(SAMPLES, Map.of(0, 10L))).isEqualTo(1_010);
    }

    @Test
    void everyPartitionMustBePastItsLastRecord() {
        assertThat(StableOffsets.firstCovering(SAMPLES, Map.of(0, 20L, 1, 8L))).isEqualTo(1_020);
    }

    @Test
    void nothingCoveredYetIsZero() {
        assertThat(StableOffsets.firstCovering(SAMPLES, Map.of(1, 9L))).isZero();
        assertThat(StableOffsets.firstCovering(List.of(), Map.of(0, 0L))).isZero();
    }
}
