package io.ribao.bulletin.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a downward revision lowered, as the unit history shows it: each change {@code {code, from, to}} also gets the
 * metric's display name ({@code name}): the roster's forms' name first, then the known names
 * ({@link MetricNames#rosterFirst}, as the bulletin does, decision 353), or null when neither names the code.
 */
public final class LoweredMetrics {

    private LoweredMetrics() {
    }

    public static List<Map<String, Object>> named(List<Map<String, Object>> changes, Map<String, String> roster,
                                                  Map<String, String> known) {
        Map<String, String> names = MetricNames.rosterFirst(roster, known);
        return changes.stream().map(change -> {
            Map<String, Object> named = new LinkedHashMap<>(change);
            Object code = change.get("code");
            named.put("name", code == null ? null : names.get(code.toString()));
            return named;
        }).toList();
    }
}
