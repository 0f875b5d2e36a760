package io.ribao.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.schemas.report.ReportEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** Consumers keep reading while producers move to another compatible version of a schema (DESIGN.md §2). */
class SchemaEvolutionTest {

    private static final String TOPIC = "ribao.reports";

    @Test
    void aConsumerOnTheCurrentSchemaReadsWhatANewerProducerWroteIgnoringTheNewField() throws IOException {
        Schema newer = withField(ReportEvent.getClassSchema(), new Schema.Field("priority",
                SchemaBuilder.builder().stringType(), "added by a later release", "normal"));
        ReportEvent report = SampleRecords.sample(ReportEvent.class);
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        GenericRecord newerRecord = convert(report, ReportEvent.getClassSchema(), newer);
        newerRecord.put("priority", "紧急");

        byte[] bytes = framed(registry.register(TOPIC + "-value", newer), newer, newerRecord);
        ReportEvent read = new AvroDeserializer<>(registry, ReportEvent.class).deserialize(TOPIC, bytes);

        assertThat(read).isEqualTo(report);
    }

    @Test
    void aConsumerOnTheCurrentSchemaReadsWhatAnOlderProducerWroteFillingTheDefault() throws IOException {
        Schema older = withoutField(ReportEvent.getClassSchema(), "idempotencyKey");
        ReportEvent report = SampleRecords.sample(ReportEvent.class);
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

        byte[] bytes = framed(registry.register(TOPIC + "-value", older), older,
                convert(report, ReportEvent.getClassSchema(), older));
        ReportEvent read = new AvroDeserializer<>(registry, ReportEvent.class).deserialize(TOPIC, bytes);

        assertThat(read.getIdempotencyKey()).isNull();
        report.setIdempotencyKey(null);
        assertThat(read).isEqualTo(report);
    }

    /** {@code record} rewritten as a generic record of {@code target}, through Avro's own schema resolution. */
    private static GenericRecord convert(ReportEvent record, Schema source, Schema target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<ReportEvent>(source).write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(source, target, new GenericData())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static byte[] framed(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(WireFormat.HEADER_LENGTH).put(WireFormat.MAGIC).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema withField(Schema schema, Schema.Field added) {
        List<Schema.Field> fields = copyFields(schema, null);
        fields.add(added);
        return copyRecord(schema, fields);
    }

    private static Schema withoutField(Schema schema, String removed) {
        return copyRecord(schema, copyFields(schema, removed));
    }

    private static List<Schema.Field> copyFields(Schema schema, String skipped) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(skipped)) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return fields;
    }

    private static Schema copyRecord(Schema schema, List<Schema.Field> fields) {
        Schema copy = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
        schema.getObjectProps().forEach(copy::addProp);
        return copy;
    }
}
