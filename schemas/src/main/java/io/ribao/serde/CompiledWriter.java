package io.ribao.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.ConcurrentModificationException;
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
import org.apache.avro.io.Encoder;

/**
 * Writes a record the way Avro's {@code SpecificDatumWriter} does, byte for byte, through a tree of writers built once
 * from the schema (decision 103). Avro's writer walks the schema for every value: it looks up each field's conversion,
 * resolves each union by the value's schema name and dispatches on the type, which was about two thirds of its cost
 * for the statuses and reports written on every report. Built here once, each node knows its type, its conversion and,
 * for a union of null and one type, its branch by a null check.
 */
final class CompiledWriter {

    /** Writes one value of the schema it was built for. */
    interface Node {
        void write(Object value, Encoder out) throws IOException;
    }

    private final GenericData model;
    /** Record writers by schema, registered before their fields are built, so a recursive schema ends. */
    private final Map<Schema, RecordNode> records = new IdentityHashMap<>();
    private final Node root;

    CompiledWriter(Schema schema, GenericData model) {
        this.model = model;
        this.root = node(schema);
    }

    void write(Object value, Encoder out) throws IOException {
        root.write(value, out);
    }

    private Node node(Schema schema) {
        Node raw = rawNode(schema);
        LogicalType logical = schema.getLogicalType();
        @SuppressWarnings("unchecked")
        Conversion<Object> conversion = logical == null ? null : (Conversion<Object>) model.getConversionFor(logical);
        if (conversion == null) {
            return raw;
        }
        Class<?> converted = conversion.getConvertedType();
        // As Avro's writer: a value of the converted type (a LocalDate, an Instant) is converted, a raw one written.
        return (value, out) -> raw.write(converted.isInstance(value)
                ? Conversions.convertToRawType(value, schema, logical, conversion) : value, out);
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
                return (value, out) -> out.writeEnum(value instanceof Enum<?> e ? e.ordinal()
                        : schema.getEnumOrdinal(value.toString()));
            case STRING:
                return CompiledWriter::writeString;
            case BYTES:
                return (value, out) -> {
                    if (value instanceof byte[] bytes) {
                        out.writeBytes(bytes);
                    } else {
                        out.writeBytes((ByteBuffer) value);
                    }
                };
            case FIXED:
                return (value, out) -> out.writeFixed(((GenericFixed) value).bytes(), 0, schema.getFixedSize());
            case INT:
                return (value, out) -> out.writeInt(((Number) value).intValue());
            case LONG:
                return (value, out) -> out.writeLong(((Number) value).longValue());
            case FLOAT:
                return (value, out) -> out.writeFloat(((Number) value).floatValue());
            case DOUBLE:
                return (value, out) -> out.writeDouble(((Number) value).doubleValue());
            case BOOLEAN:
                return (value, out) -> out.writeBoolean((Boolean) value);
            case NULL:
                return (value, out) -> out.writeNull();
            default:
                throw new AvroRuntimeException("cannot write schema type " + schema.getType());
        }
    }

    private static void writeString(Object value, Encoder out) throws IOException {
        if (value == null) {
            throw new NullPointerException("null value for a non-null string");
        }
        out.writeString((CharSequence) value);
    }

    private Node recordNode(Schema schema) {
        RecordNode existing = records.get(schema);
        if (existing != null) {
            return existing;
        }
        RecordNode record = new RecordNode(schema);
        records.put(schema, record);
        List<Schema.Field> fields = schema.getFields();
        Node[] nodes = new Node[fields.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = node(fields.get(i).schema());
        }
        record.fields = nodes;
        return record;
    }

    private Node unionNode(Schema schema) {
        List<Schema> branches = schema.getTypes();
        Node[] nodes = new Node[branches.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = node(branches.get(i));
        }
        Integer nullIndex = schema.getIndexNamed(Schema.Type.NULL.getName());
        if (branches.size() == 2 && nullIndex != null) {
            // A generated class's setters hold each field to its type, so a value that is not null is the other one.
            int valueIndex = 1 - nullIndex;
            Node valueNode = nodes[valueIndex];
            return (value, out) -> {
                if (value == null) {
                    out.writeIndex(nullIndex);
                } else {
                    out.writeIndex(valueIndex);
                    valueNode.write(value, out);
                }
            };
        }
        return (value, out) -> {
            int index = model.resolveUnion(schema, value);
            out.writeIndex(index);
            nodes[index].write(value, out);
        };
    }

    private Node arrayNode(Schema schema) {
        Node element = node(schema.getElementType());
        return (value, out) -> {
            Collection<?> items = (Collection<?>) value;
            int size = items.size();
            out.writeArrayStart();
            out.setItemCount(size);
            int written = 0;
            for (Object item : items) {
                out.startItem();
                element.write(item, out);
                written++;
            }
            out.writeArrayEnd();
            if (written != size) {
                throw new ConcurrentModificationException("array size " + size + ", written " + written);
            }
        };
    }

    private Node mapNode(Schema schema) {
        Node valueNode = node(schema.getValueType());
        return (value, out) -> {
            Map<?, ?> map = (Map<?, ?>) value;
            int size = map.size();
            out.writeMapStart();
            out.setItemCount(size);
            int written = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.startItem();
                out.writeString(entry.getKey().toString());
                valueNode.write(entry.getValue(), out);
                written++;
            }
            out.writeMapEnd();
            if (written != size) {
                throw new ConcurrentModificationException("map size " + size + ", written " + written);
            }
        };
    }

    /** A record's fields in schema order; a field that cannot be written is named in the error. */
    private static final class RecordNode implements Node {

        private final Schema schema;
        private Node[] fields;

        RecordNode(Schema schema) {
            this.schema = schema;
        }

        @Override
        public void write(Object value, Encoder out) throws IOException {
            IndexedRecord record = (IndexedRecord) value;
            Node[] nodes = fields;
            for (int i = 0; i < nodes.length; i++) {
                try {
                    nodes[i].write(record.get(i), out);
                } catch (NullPointerException | ClassCastException e) {
                    throw new AvroRuntimeException("cannot write " + schema.getName() + "."
                            + schema.getFields().get(i).name() + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
