package io.ribao.aggregation.rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One daily target (日分解、日下达) of a unit against what its signed report says. */
public record TargetResult(String metric, long target, long actual) {

    /** Reaching the target exactly meets it. */
    public boolean met() {
        return actual >= target;
    }

    public long shortfall() {
        return Math.max(0, target - actual);
    }

    /**
     * Compares every target with the signed metrics, in metric order. A metric the report leaves out counts as 0:
     * nothing reported is nothing done, and a zero report carries no metrics at all.
     */
    public static List<TargetResult> compare(Map<String, Long> targets, Map<String, Long> signedMetrics) {
        List<TargetResult> results = new ArrayList<>();
        new TreeMap<>(targets).forEach((metric, target) ->
                results.add(new TargetResult(metric, target, signedMetrics.getOrDefault(metric, 0L))));
        return results;
    }
}
