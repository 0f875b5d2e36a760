package io.ribao.serde;

import io.ribao.registry.SchemaRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into a generated Avro class, resolving the writer's schema (fetched by id) against
 * the class's schema, so records written by an older or newer compatible schema still read. A record written with the
 * class's own schema (the same parsing canonical form) has nothing to resolve and is read by a {@link CompiledReader}
 * (decision 103).
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final SchemaRegistry registry;
    private final Schema readerSchema;
    private final long readerFingerprint;
    private final SpecificData model;
    private final ConcurrentMap<Integer, Reader<T>> readerByWriterId = new ConcurrentHashMap<>();

    public AvroDeserializer(SchemaRegistry registry, Class<T> type) {
        this.registry = registry;
        this.readerSchema = SpecificData.get().getSchema(type);
        this.readerFingerprint = SchemaNormalization.parsingFingerprint64(readerSchema);
        this.model = new ListArrayData(type);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readHeader(buffer);
        Reader<T> reader = readerByWriterId.computeIfAbsent(id, this::readerFor);
        try {
            return reader.read(DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + readerSchema.getFullName() + " (schema id " + id
                    + ") from " + topic, e);
        }
    }

    @SuppressWarnings("unchecked")
    private Reader<T> readerFor(int writerId) {
        Schema writerSchema = registry.schemaById(writerId);
        if (SchemaNormalization.parsingFingerprint64(writerSchema) == readerFingerprint) {
            CompiledReader compiled = new CompiledReader(readerSchema, model);
            return in -> (T) compiled.read(in);
        }
        SpecificDatumReader<T> resolving = new SpecificDatumReader<>(writerSchema, readerSchema, model);
        return in -> resolving.read(null, new BoundedDecoder(in));
    }

    /** Reads one value written with one writer's schema. */
    private interface Reader<T> {
        T read(BinaryDecoder in) throws IOException;
    }
}
