package io.ribao.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.schemas.report.Finding;
import io.ribao.schemas.report.ReportEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The compiled codecs (decision 103) agree with Avro's own writer and reader on every generated record. */
class CompiledCodecTest {

    private static final int VALUES_PER_CLASS = 300;

    static List<Class<? extends SpecificRecord>> recordClasses() {
        return SampleRecords.recordClasses();
    }

    @ParameterizedTest
    @MethodSource("recordClasses")
    <T extends SpecificRecord> void writesTheBytesAvrosWriterWritesAndReadsWhatAvrosReaderReads(Class<T> type)
            throws IOException {
        Schema schema = SpecificData.get().getSchema(type);
        CompiledWriter compiledWriter = new CompiledWriter(schema, SpecificData.getForClass(type));
        SpecificDatumWriter<T> avroWriter = new SpecificDatumWriter<>(schema);
        ListArrayData model = new ListArrayData(type);
        CompiledReader compiledReader = new CompiledReader(schema, model);
        SpecificDatumReader<T> avroReader = new SpecificDatumReader<>(schema, schema, model);
        RandomRecords random = new RandomRecords(type.getName().hashCode());

        for (int i = 0; i < VALUES_PER_CLASS; i++) {
            T value = random.next(type);
            byte[] compiled = write(out -> compiledWriter.write(value, out));
            byte[] avro = write(out -> avroWriter.write(value, out));
            assertThat(compiled).as("value %d: %s", i, value).isEqualTo(avro);

            Object read = compiledReader.read(DecoderFactory.get().binaryDecoder(avro, null));
            assertThat(read).as("value %d", i).isEqualTo(avroReader.read(null, DecoderFactory.get().binaryDecoder(avro,
                    null))).isEqualTo(value);
            assertThat(read.getClass()).isEqualTo(type);
        }
    }

    @Test
    void aNullInANonNullFieldOfANestedRecordIsNamed() {
        ReportEvent report = SampleRecords.sample(ReportEvent.class);
        Finding finding = Finding.newBuilder(report.getFindings().get(0)).build();
        finding.setProblem(null);
        report.setFindings(new ArrayList<>(List.of(finding)));
        AvroSerializer<ReportEvent> serializer = new AvroSerializer<>(new InMemorySchemaRegistry(), ReportEvent.class);

        assertThatThrownBy(() -> serializer.serialize("ribao.reports", report))
                .isInstanceOf(SerializationException.class)
                .hasRootCauseInstanceOf(NullPointerException.class)
                .cause().hasMessageContaining("Finding.problem");
    }

    @Test
    void aTruncatedOrMalformedRecordIsRefusedNotReadAsSomethingElse() {
        AvroSerde<ReportEvent> serde = new AvroSerde<>(new InMemorySchemaRegistry(), ReportEvent.class);
        byte[] whole = serde.serializer().serialize("ribao.reports", SampleRecords.sample(ReportEvent.class));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 3);
        byte[] negativeLength = whole.clone();
        negativeLength[WireFormat.HEADER_LENGTH] = 0x01; // zig-zag -1: the event id's length

        assertThatThrownBy(() -> serde.deserializer().deserialize("ribao.reports", truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ReportEvent");
        assertThatThrownBy(() -> serde.deserializer().deserialize("ribao.reports", negativeLength))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ReportEvent");
    }

    private interface Writing {
        void to(BinaryEncoder out) throws IOException;
    }

    private static byte[] write(Writing writing) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
        writing.to(out);
        out.flush();
        return bytes.toByteArray();
    }
}
