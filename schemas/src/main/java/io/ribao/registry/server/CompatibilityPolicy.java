package io.ribao.registry.server;

import io.ribao.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Whether a candidate schema may follow the existing versions of a subject under a compatibility level, decided by
 * Avro's own reader/writer resolution rules ({@link SchemaCompatibility}).
 */
public final class CompatibilityPolicy {

    private CompatibilityPolicy() {
    }

    /**
     * The reasons {@code candidate} may not follow {@code existing} (oldest first) under {@code level}; empty when it
     * may. Non-transitive levels look only at the latest existing version.
     */
    public static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        if (existing.isEmpty()) {
            return List.of();
        }
        List<Schema> checked = level.transitive() ? existing : List.of(existing.get(existing.size() - 1));
        List<String> reasons = new ArrayList<>();
        for (Schema previous : checked) {
            if (level.newReadsOld()) {
                reasons.addAll(problems("new schema cannot read data written with an earlier one",
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous)));
            }
            if (level.oldReadsNew()) {
                reasons.addAll(problems("an earlier schema cannot read data written with the new one",
                        SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate)));
            }
        }
        return reasons;
    }

    /** Whether {@code candidate} may follow {@code existing} (oldest first) under {@code level}. */
    public static boolean isCompatible(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        return incompatibilities(level, candidate, existing).isEmpty();
    }

    private static List<String> problems(String direction, SchemaPairCompatibility pair) {
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            found.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
        if (found.isEmpty()) {
            found.add(direction + ": " + pair.getDescription());
        }
        return found;
    }
}
