package io.ribao.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.schemas.report.ReportEvent;
import java.util.List;
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
    void nullStaysNullBothWays() {
        AvroSerde<ReportEvent> serde = new AvroSerde<>(new InMemorySchemaRegistry(), ReportEvent.class);

        assertThat(serde.serializer().serialize("ribao.reports", null)).isNull();
        assertThat(serde.deserializer().deserialize("ribao.reports", null)).isNull();
    }
}
