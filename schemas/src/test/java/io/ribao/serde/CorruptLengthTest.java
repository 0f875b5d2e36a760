package io.ribao.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.rollup.Rollup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corrupt length or count in a value (here one claiming 1.5 GB, or 1.5 billion items) is a
 * {@link SerializationException}, so the record is dead-lettered, and nothing near that size is allocated: it was an
 * {@link OutOfMemoryError} (decision 444). Both readers: the compiled one, for values written with the class's own
 * schema, and Avro's resolving one, for values written with another version of it.
 */
class CorruptLengthTest {

    private static final long CLAIMED = 1_500_000_000L;
    /** Far below what the claims would take, whatever the JVM's heap: reading a value takes a few kilobytes. */
    private static final long MOST_ALLOCATED = 64L << 20;

    /** A value of {@code type} whose body ends in a corrupt length or count. */
    record Corrupt(String what, Class<? extends SpecificRecord> type, Body body) {

        @Override
        public String toString() {
            return what;
        }
    }

    interface Body {
        void write(BinaryEncoder out) throws IOException;
    }

    static List<Corrupt> corruptValues() {
        return List.of(
                new Corrupt("a string's length", Form.class, out -> out.writeLong(CLAIMED)),
                new Corrupt("a bytes value's length", DeadLetter.class, out -> {
                    out.writeString("app");
                    out.writeString("ribao.reports");
                    out.writeInt(0);
                    out.writeLong(42);
                    out.writeIndex(1);   // the key is not null
                    out.writeLong(CLAIMED);
                }),
                new Corrupt("an array's count", Form.class, out -> {
                    out.writeString("f-1");
                    out.writeString("表");
                    out.writeLong(CLAIMED);
                }),
                new Corrupt("a map's count", Rollup.class, out -> {
                    out.writeString("twn-a");
                    out.writeString("demo-county");
                    out.writeInt(20_000);
                    out.writeLong(CLAIMED);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptValues")
    void isRefusedByTheCompiledReader(Corrupt corrupt) throws IOException {
        assertRefused(corrupt, SpecificData.get().getSchema(corrupt.type()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptValues")
    void isRefusedByAvrosResolvingReader(Corrupt corrupt) throws IOException {
        assertRefused(corrupt, withAFieldAdded(SpecificData.get().getSchema(corrupt.type())));
    }

    private static void assertRefused(Corrupt corrupt, Schema writer) throws IOException {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        byte[] value = framed(registry.register("ribao.test-value", writer), corrupt.body());
        AvroDeserializer<?> deserializer = new AvroDeserializer<>(registry, corrupt.type());
        long before = allocatedBytes();

        assertThatThrownBy(() -> deserializer.deserialize("ribao.test", value))
                .isInstanceOf(SerializationException.class);
        assertThat(allocatedBytes() - before).as("bytes allocated").isLessThan(MOST_ALLOCATED);
    }

    /** The schema as a later producer writes it, with a field at the end: read by Avro's resolving reader. */
    private static Schema withAFieldAdded(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field("addedLater", Schema.create(Schema.Type.STRING), null, ""));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static byte[] framed(int schemaId, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WireFormat.writeHeader(bytes, schemaId);
        BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
