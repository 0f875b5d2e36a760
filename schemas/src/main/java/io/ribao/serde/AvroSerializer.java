package io.ribao.serde;

import io.ribao.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a generated Avro record in the Confluent wire format, registering its schema under {@code <topic>-value}. */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final SchemaRegistry registry;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final ConcurrentMap<String, Integer> idBySubject = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();

    public AvroSerializer(SchemaRegistry registry, Class<T> type) {
        this.registry = registry;
        this.schema = SpecificData.get().getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        int id = idBySubject.computeIfAbsent(topic + "-value", subject -> registry.register(subject, schema));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_LENGTH);
        WireFormat.writeHeader(header, id);
        out.write(header.array(), 0, WireFormat.HEADER_LENGTH);
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
            encoders.set(encoder);
            writer.write(value, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " to " + topic, e);
        }
        return out.toByteArray();
    }
}
