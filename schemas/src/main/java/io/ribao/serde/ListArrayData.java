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

    ListArrayData(Class<?> type) {
        super(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(this::addLogicalTypeConversion);
    }

    @Override
    public Object newArray(Object old, int size, Schema schema) {
        return new ArrayList<>(size);
    }
}
