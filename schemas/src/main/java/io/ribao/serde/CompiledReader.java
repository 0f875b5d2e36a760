package io.ribao.serde;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.Utf8;

/**
 * Reads what was written with the reader's own schema (the same parsing canonical form, so nothing to resolve) into
 * the same values as Avro's {@code SpecificDatumReader} with the deserializer's model, through a tree of readers built
 * once from the schema (decision 103). Avro's reader runs every value through its resolving grammar and looks up each
 * field's string class and conversion; a record written by another version of the schema still goes that way.
 * A string or bytes length read from the bytes is refused when it runs past their end (decision 444).
 */
final class CompiledReader {

    /** Reads one value of the schema it was built for. */
    interface Node {
        Object read(BinaryDecoder in) throws IOException;
    }

    private final GenericData model;
    private final Map<Schema, RecordNode> records = new IdentityHashMap<>();
    private final Node root;

    CompiledReader(Schema schema, GenericData model) {
        this.model = model;
        this.root = node(schema);
    }

    Object read(BinaryDecoder in) throws IOException {
        return root.read(in);
    }

    private Node node(Schema schema) {
        Node raw = rawNode(schema);
        LogicalType logical = schema.getLogicalType();
        Conversion<?> conversion = logical == null ? null : model.getConversionFor(logical);
        if (conversion == null) {
            return raw;
        }
        return in -> Conversions.convertToLogicalType(raw.read(in), schema, logical, conversion);
    }

    private Node rawNode(Schema schema) {
        switch (schema.getType()) {
            case RECORD:
                return recordNode(schema);
            case UNION:
                return unionNode(schema);
            case ARRAY:
                return arrayNode(schema);
            case MAP:
                return mapNode(schema);
            case ENUM:
                return enumNode(schema);
            case STRING:
                return readsJavaStrings(schema) ? CompiledReader::readJavaString : CompiledReader::readUtf8;
            case BYTES:
                return in -> ByteBuffer.wrap(BoundedDecoder.bytes(in));
            case FIXED:
                return in -> {
                    GenericFixed fixed = (GenericFixed) model.createFixed(null, schema);
                    in.readFixed(fixed.bytes(), 0, schema.getFixedSize());
                    return fixed;
                };
            case INT:
                return Decoder::readInt;
            case LONG:
                return Decoder::readLong;
            case FLOAT:
                return Decoder::readFloat;
            case DOUBLE:
                return Decoder::readDouble;
            case BOOLEAN:
                return Decoder::readBoolean;
            case NULL:
                return in -> {
                    in.readNull();
                    return null;
                };
            default:
                throw new AvroRuntimeException("cannot read schema type " + schema.getType());
        }
    }

    /** A string straight into a {@link String}: Avro's {@code readString()} reads into a {@code Utf8} first. */
    private static String readJavaString(BinaryDecoder in) throws IOException {
        return new String(BoundedDecoder.stringBytes(in), StandardCharsets.UTF_8);
    }

    private static Utf8 readUtf8(BinaryDecoder in) throws IOException {
        return new Utf8(BoundedDecoder.stringBytes(in));
    }

    /** Whether Avro's reader makes this schema's strings {@link String}s (the generated classes' choice) or Utf8. */
    private static boolean readsJavaStrings(Schema schema) {
        return GenericData.StringType.String.name().equals(schema.getProp(GenericData.STRING_PROP));
    }

    private Node recordNode(Schema schema) {
        RecordNode existing = records.get(schema);
        if (existing != null) {
            return existing;
        }
        RecordNode record = new RecordNode(instances(schema));
        records.put(schema, record);
        List<Schema.Field> fields = schema.getFields();
        Node[] nodes = new Node[fields.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = node(fields.get(i).schema());
        }
        record.fields = nodes;
        return record;
    }

    /** New records of the schema: the generated class's constructor, or the model's generic record. */
    private Instances instances(Schema schema) {
        Class<?> type = model instanceof SpecificData specific ? specific.getClass(schema) : null;
        if (type == null || !IndexedRecord.class.isAssignableFrom(type)) {
            return () -> (IndexedRecord) model.newRecord(null, schema);
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return () -> {
                try {
                    return (IndexedRecord) constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new AvroRuntimeException("cannot make a " + type.getName(), e);
                }
            };
        } catch (NoSuchMethodException e) {
            return () -> (IndexedRecord) model.newRecord(null, schema);
        }
    }

    private Node unionNode(Schema schema) {
        List<Schema> branches = schema.getTypes();
        Node[] nodes = new Node[branches.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = node(branches.get(i));
        }
        return in -> nodes[in.readIndex()].read(in);
    }

    private Node arrayNode(Schema schema) {
        Node element = node(schema.getElementType());
        return in -> {
            long count = in.readArrayStart();
            @SuppressWarnings("unchecked")
            Collection<Object> items = (Collection<Object>) model.newArray(null, (int) count, schema);
            for (; count > 0; count = in.arrayNext()) {
                for (long i = 0; i < count; i++) {
                    items.add(element.read(in));
                }
            }
            return items;
        };
    }

    private Node mapNode(Schema schema) {
        Node value = node(schema.getValueType());
        boolean javaStrings = readsJavaStrings(schema);
        return in -> {
            long count = in.readMapStart();
            Map<Object, Object> map = new HashMap<>(count <= 0 ? 0 : (int) (count * 4 / 3 + 1));
            for (; count > 0; count = in.mapNext()) {
                for (long i = 0; i < count; i++) {
                    Object key = javaStrings ? readJavaString(in) : readUtf8(in);
                    map.put(key, value.read(in));
                }
            }
            return map;
        };
    }

    private Node enumNode(Schema schema) {
        List<String> symbols = schema.getEnumSymbols();
        Object[] values = new Object[symbols.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = model.createEnum(symbols.get(i), schema);
        }
        return in -> values[in.readEnum()];
    }

    private interface Instances {
        IndexedRecord make();
    }

    private static final class RecordNode implements Node {

        private final Instances instances;
        private Node[] fields;

        RecordNode(Instances instances) {
            this.instances = instances;
        }

        @Override
        public Object read(BinaryDecoder in) throws IOException {
            IndexedRecord record = instances.make();
            Node[] nodes = fields;
            for (int i = 0; i < nodes.length; i++) {
                record.put(i, nodes[i].read(in));
            }
            return record;
        }
    }
}
