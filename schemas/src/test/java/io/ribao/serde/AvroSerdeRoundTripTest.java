package io.ribao.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {

    static List<Class<? extends SpecificRecord>> recordClasses() {
        return SampleRecords.recordClasses();
    }

    @Test
    void everySchemaFileWithARecordIsCovered() {
        assertThat(recordClasses()).hasSizeGreaterThanOrEqualTo(15).contains(ReportEvent.class);
    }

    @ParameterizedTest
    @MethodSource("recordClasses")
    <T extends SpecificRecord> void everyGeneratedRecordReadsBackEqualWithEveryFieldSet(Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>(new InMemorySchemaRegistry(), type);
        T sample = SampleRecords.sample(type);

        byte[] bytes = serde.serializer().serialize("ribao.test", sample);
        T back = serde.deserializer().deserialize("ribao.test", bytes);

        assertThat(back).isEqualTo(sample);
        assertThat(sample).isEqualTo(back);
    }

    @Test
    void aValueThatFailsHalfWayLeavesNothingInTheNextOne() {
        AvroSerde<UnitDayStatus> serde = new AvroSerde<>(new InMemorySchemaRegistry(), UnitDayStatus.class);
        UnitDayStatus good = SampleRecords.sample(UnitDayStatus.class);
        byte[] alone = serde.serializer().serialize("ribao.unit-day-status", good);
        UnitDayStatus broken = UnitDayStatus.newBuilder(good).build();
        broken.setJurisdictionId(null); // the unit id is written before the encoder meets the null

        assertThatThrownBy(() -> serde.serializer().serialize("ribao.unit-day-status", broken))
                .isInstanceOf(SerializationException.class).hasMessageContaining("UnitDayStatus");
        byte[] after = serde.serializer().serialize("ribao.unit-day-status", good);

        assertThat(after).isEqualTo(alone);
        assertThat(serde.deserializer().deserialize("ribao.unit-day-status", after)).isEqualTo(good);
    }

    @Test
    void oneThreadsBufferServesValuesOfEverySizeOneAfterAnother() {
        AvroSerde<UnitDayStatus> serde = new AvroSerde<>(new InMemorySchemaRegistry(), UnitDayStatus.class);
        UnitDayStatus small = SampleRecords.sample(UnitDayStatus.class);
        Map<String, Long> metrics = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            metrics.put("metric-" + i, (long) i);
        }
        UnitDayStatus large = UnitDayStatus.newBuilder(small).setMetrics(metrics).build();

        for (UnitDayStatus value : List.of(small, large, small, large, small)) {
            byte[] bytes = serde.serializer().serialize("ribao.unit-day-status", value);
            assertThat(serde.deserializer().deserialize("ribao.unit-day-status", bytes)).isEqualTo(value);
        }
    }

    @Test
    void nullStaysNullBothWays() {
        AvroSerde<ReportEvent> serde = new AvroSerde<>(new InMemorySchemaRegistry(), ReportEvent.class);

        assertThat(serde.serializer().serialize("ribao.reports", null)).isNull();
        assertThat(serde.deserializer().deserialize("ribao.reports", null)).isNull();
    }
}
