package io.ribao.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A filled-in instance of any generated record, every field set (optional ones too), so a round trip proves each
 * field survives; and the list of every generated record class, read from the {@code .avsc} files so a new schema
 * is covered without touching the tests.
 */
public final class SampleRecords {

    public static final Path AVRO_SOURCES = Path.of("src/main/avro");

    private SampleRecords() {
    }

    /** Every record class generated from {@code src/main/avro}. */
    public static List<Class<? extends SpecificRecord>> recordClasses() {
        ObjectMapper json = new ObjectMapper();
        List<Class<? extends SpecificRecord>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(AVRO_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                JsonNode schema = json.readTree(file.toFile());
                if ("record".equals(schema.path("type").asText())) {
                    String name = schema.path("namespace").asText() + "." + schema.path("name").asText();
                    classes.add(Class.forName(name).asSubclass(SpecificRecord.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a schema has no generated class", e);
        }
        return classes;
    }

    public static <T extends SpecificRecord> T sample(Class<T> type) {
        return type.cast(value(SpecificData.get().getSchema(type), 0));
    }

    private static Object value(Schema schema, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("schema nests too deep for a sample: " + schema.getFullName());
        }
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Date) {
            return LocalDate.of(2026, 3, 14);
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return Instant.parse("2026-03-14T08:30:00.123Z");
        }
        if (logical != null) {
            throw new IllegalStateException("no sample for logical type " + logical.getName());
        }
        switch (schema.getType()) {
            case RECORD:
                SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), value(field.schema(), depth + 1));
                }
                return record;
            case ENUM:
                List<String> symbols = schema.getEnumSymbols();
                return SpecificData.get().createEnum(symbols.get(symbols.size() - 1), schema);
            case ARRAY:
                List<Object> items = new ArrayList<>();
                items.add(value(schema.getElementType(), depth + 1));
                items.add(value(schema.getElementType(), depth + 1));
                return items;
            case MAP:
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("persons_registered", value(schema.getValueType(), depth + 1));
                map.put("检查点", value(schema.getValueType(), depth + 1));
                return map;
            case UNION:
                Schema branch = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst()
                        .orElseThrow();
                return value(branch, depth + 1);
            case STRING:
                return "天保镇-" + depth;
            case INT:
                return 7 + depth;
            case LONG:
                return 42L + depth;
            case FLOAT:
                return 1.5f;
            case DOUBLE:
                return 2.25;
            case BOOLEAN:
                return true;
            case BYTES:
                return ByteBuffer.wrap("字节".getBytes(StandardCharsets.UTF_8));
            case NULL:
                return null;
            default:
                throw new IllegalStateException("no sample for " + schema.getType());
        }
    }
}
