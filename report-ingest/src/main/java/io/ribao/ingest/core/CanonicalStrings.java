package io.ribao.ingest.core;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance of each id and metric code the {@link ReportIndex} keeps, so a hundred thousand revisions share a few
 * thousand strings. A map of the index's own, under its lock, rather than {@link String#intern()}: the JVM's string
 * table took about 1.5 µs of every report's acknowledgement on the producer's thread (fifteenth session's profile).
 * Bounded: past {@link #LIMIT} strings it starts again, which costs only sharing, never an answer.
 */
final class CanonicalStrings {

    static final int LIMIT = 65_536;

    private final Map<String, String> strings = new HashMap<>();

    String of(String value) {
        if (value == null) {
            return null;
        }
        String canonical = strings.putIfAbsent(value, value);
        if (canonical != null) {
            return canonical;
        }
        if (strings.size() > LIMIT) {
            strings.clear();
        }
        return value;
    }

    int size() {
        return strings.size();
    }
}
