package io.ribao.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.registry.SchemaRegistry;
import io.ribao.schemas.report.ReportEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    /** A registry that hands out one fixed id, so the id bytes are known in advance. */
    private static final class FixedIdRegistry implements SchemaRegistry {
        private final int id;
        private final Map<Integer, Schema> schemas = new HashMap<>();

        FixedIdRegistry(int id) {
            this.id = id;
        }

        @Override
        public int register(String subject, Schema schema) {
            schemas.put(id, schema);
            return id;
        }

        @Override
        public Schema schemaById(int wanted) {
            return schemas.get(wanted);
        }
    }

    @Test
    void valueIsMagicZeroThenTheIdBigEndianThenExactlyThePlainAvroBody() throws IOException {
        ReportEvent report = SampleRecords.sample(ReportEvent.class);
        AvroSerializer<ReportEvent> serializer =
                new AvroSerializer<>(new FixedIdRegistry(0x01020304), ReportEvent.class);

        byte[] bytes = serializer.serialize("ribao.reports", report);

        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(report));
    }

    @Test
    void theIdInTheHeaderIsTheOneTheRegistryGaveTheTopicValueSubject() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.register("something-else", SchemaBuilder.builder().stringType());
        AvroSerializer<ReportEvent> serializer = new AvroSerializer<>(registry, ReportEvent.class);

        byte[] bytes = serializer.serialize("ribao.reports", SampleRecords.sample(ReportEvent.class));

        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(id).isEqualTo(registry.register("ribao.reports-value", ReportEvent.getClassSchema())).isEqualTo(2);
    }

    @Test
    void aValueWithAnotherMagicByteIsRefused() {
        AvroDeserializer<ReportEvent> deserializer =
                new AvroDeserializer<>(new InMemorySchemaRegistry(), ReportEvent.class);

        assertThatThrownBy(() -> deserializer.deserialize("ribao.reports", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 1");
    }

    @Test
    void aValueShorterThanTheHeaderIsRefused() {
        AvroDeserializer<ReportEvent> deserializer =
                new AvroDeserializer<>(new InMemorySchemaRegistry(), ReportEvent.class);

        assertThatThrownBy(() -> deserializer.deserialize("ribao.reports", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("shorter than the wire-format header");
    }

    @Test
    void aBodyThatIsNotTheWritersSchemaIsRefusedNamingTopicAndSchemaId() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        int id = registry.register("ribao.reports-value", ReportEvent.getClassSchema());
        AvroDeserializer<ReportEvent> deserializer = new AvroDeserializer<>(registry, ReportEvent.class);

        assertThatThrownBy(() -> deserializer.deserialize("ribao.reports", new byte[] {0, 0, 0, 0, (byte) id, 9}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ribao.reports").hasMessageContaining("schema id " + id);
    }

    private static byte[] plainAvro(ReportEvent report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(ReportEvent.class).write(report, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
