package io.ribao.serde;

import io.ribao.registry.SchemaRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a generated Avro record in the Confluent wire format, registering its schema under {@code <topic>-value}. */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final SchemaRegistry registry;
    private final Schema schema;
    private final CompiledWriter writer;
    /** Schema ids by topic (the subject is {@code <topic>-value}): no subject string is built per record. */
    private final ConcurrentMap<String, Integer> idByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    public AvroSerializer(SchemaRegistry registry, Class<T> type) {
        this.registry = registry;
        this.schema = SpecificData.get().getSchema(type);
        this.writer = new CompiledWriter(schema, SpecificData.getForClass(type));
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        int id = idByTopic.computeIfAbsent(topic, t -> registry.register(t + "-value", schema));
        Buffer out = buffers.get();
        out.reset();
        try {
            WireFormat.writeHeader(out, id);
            out.encoder = EncoderFactory.get().binaryEncoder(out, out.encoder);
            writer.write(value, out.encoder);
            out.encoder.flush();
        } catch (IOException | RuntimeException e) {
            // The encoder may hold part of the failed value: reused, it would write it into the next one.
            out.encoder = null;
            throw new SerializationException("cannot write " + schema.getFullName() + " to " + topic, e);
        }
        return out.toByteArray();
    }

    /**
     * A thread's output bytes and encoder, kept from one record to the next: a record costs one copy of its bytes,
     * not a new stream grown by doubling, and no lock per write. A value that grew it past {@link #KEPT} leaves a
     * smaller one behind.
     */
    private static final class Buffer extends OutputStream {

        private static final int INITIAL = 1024;
        private static final int KEPT = 64 * 1024;

        private byte[] bytes = new byte[INITIAL];
        private int count;
        BinaryEncoder encoder;

        void reset() {
            if (bytes.length > KEPT) {
                bytes = new byte[INITIAL];
            }
            count = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, count, length);
            count += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, count);
        }

        private void ensure(int more) {
            if (count + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }
    }
}
