package io.ribao.aggregation.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert ids of one unit-day or node-day and whether each is raised or already resolved, as one store value: a line
 * per id, {@code R<alertId>} or {@code X<alertId>}, in the order they were raised. One value per scope keeps the
 * changes of a deadline (MISSING raised, DUE_SOON resolved) in one changelog record and lets a locked day go with one
 * delete. Alert ids never contain a line break.
 */
final class AlertMarks {

    private static final char RAISED = 'R';
    private static final char RESOLVED = 'X';

    private final Map<String, Boolean> resolvedById;

    private AlertMarks(Map<String, Boolean> resolvedById) {
        this.resolvedById = resolvedById;
    }

    static AlertMarks decode(String value) {
        Map<String, Boolean> marks = new LinkedHashMap<>();
        if (value != null && !value.isEmpty()) {
            for (String line : value.split("\n")) {
                if (line.length() < 2 || (line.charAt(0) != RAISED && line.charAt(0) != RESOLVED)) {
                    throw new IllegalArgumentException("corrupt alert mark: " + line);
                }
                marks.put(line.substring(1), line.charAt(0) == RESOLVED);
            }
        }
        return new AlertMarks(marks);
    }

    String encode() {
        StringBuilder value = new StringBuilder();
        resolvedById.forEach((id, resolved) -> {
            if (value.length() > 0) {
                value.append('\n');
            }
            value.append(resolved ? RESOLVED : RAISED).append(id);
        });
        return value.toString();
    }

    /** Marks the id raised; false if it was raised before (a resolved alert never comes back). */
    boolean raise(String alertId) {
        if (alertId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an alert id has no line break: " + alertId);
        }
        return resolvedById.putIfAbsent(alertId, false) == null;
    }

    /** Marks the id resolved; false unless it was raised and not yet resolved. */
    boolean resolve(String alertId) {
        if (!Boolean.FALSE.equals(resolvedById.get(alertId))) {
            return false;
        }
        resolvedById.put(alertId, true);
        return true;
    }
}
