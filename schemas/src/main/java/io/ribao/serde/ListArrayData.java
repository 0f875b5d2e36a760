package io.ribao.serde;

import java.util.ArrayList;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The data model of a generated class that reads Avro arrays into {@link ArrayList}s. Avro's own array class
 * compares its elements without the logical-type conversions and throws when an element holds a date or an instant
 * inside a union, so a record read back would not even equal itself; plain lists compare element by element with
 * the generated {@code equals}.
 */
final class ListArrayData extends SpecificData {

    /**
     * The most items a list is made for before they are read: the readers pass the count read from the bytes, and a
     * corrupt one would allocate for up to two billion (decision 444). Longer lists grow as they are read.
     */
    private static final int MOST_PRESIZED = 1024;

    ListArrayData(Class<?> type) {
        super(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(this::addLogicalTypeConversion);
    }

    @Override
    public Object newArray(Object old, int size, Schema schema) {
        return new ArrayList<>(Math.min(size, MOST_PRESIZED));
    }
}
