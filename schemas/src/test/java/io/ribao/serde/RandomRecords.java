package io.ribao.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Random instances of a generated record, from a seed: unions null or not, arrays and maps empty or not, strings
 * empty, ASCII or Chinese, numbers of every size and sign — so two codecs can be compared over many shapes.
 */
final class RandomRecords {

    private static final String LETTERS = "abc_XYZ-09 天保镇检查点应急日报零报告签发";

    private final Random random;

    RandomRecords(long seed) {
        this.random = new Random(seed);
    }

    <T extends SpecificRecord> T next(Class<T> type) {
        return type.cast(value(SpecificData.get().getSchema(type), 0));
    }

    private Object value(Schema schema, int depth) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Date) {
            return LocalDate.ofEpochDay(random.nextInt(80_000) - 20_000);
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(random.nextLong() >> 20);
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
                return SpecificData.get().createEnum(symbols.get(random.nextInt(symbols.size())), schema);
            case ARRAY:
                List<Object> items = new ArrayList<>();
                for (int i = size(depth); i > 0; i--) {
                    items.add(value(schema.getElementType(), depth + 1));
                }
                return items;
            case MAP:
                Map<String, Object> map = new HashMap<>();
                for (int i = size(depth); i > 0; i--) {
                    map.put(string(), value(schema.getValueType(), depth + 1));
                }
                return map;
            case UNION:
                List<Schema> branches = schema.getTypes();
                return value(branches.get(random.nextInt(branches.size())), depth + 1);
            case STRING:
                return string();
            case INT:
                return random.nextBoolean() ? random.nextInt(100) : random.nextInt();
            case LONG:
                return random.nextBoolean() ? (long) random.nextInt(1_000) : random.nextLong();
            case FLOAT:
                return random.nextFloat() * 1000 - 500;
            case DOUBLE:
                return random.nextGaussian() * 1e6;
            case BOOLEAN:
                return random.nextBoolean();
            case BYTES:
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                return ByteBuffer.wrap(bytes);
            case NULL:
                return null;
            default:
                throw new IllegalStateException("no random value for " + schema.getType());
        }
    }

    private int size(int depth) {
        return depth > 6 ? 0 : random.nextInt(5);
    }

    private String string() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return text.toString();
    }
}
