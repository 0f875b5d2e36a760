package io.ribao.aggregation.rules;

import io.ribao.aggregation.rollup.TargetResult;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule 6: a daily target of the unit (日分解、日下达, e.g. vaccine doses) that its signed report does not reach.
 * Reaching it exactly meets it; a metric left out, or a zero report, counts as 0 done.
 */
public final class TargetShortfall {

    private final MetricNames names;

    public TargetShortfall(MetricNames names) {
        this.names = names;
    }

    /** {@code target:<metric>}. */
    public static String ruleId(String metric) {
        return "target:" + metric;
    }

    public List<RuleFinding> evaluate(Unit unit, LocalDate date, Map<String, Long> signedMetrics) {
        List<RuleFinding> findings = new ArrayList<>();
        for (TargetResult result : TargetResult.compare(unit.getTargets(), signedMetrics)) {
            if (result.met()) {
                continue;
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("metric", result.metric());
            evidence.put("target", Long.toString(result.target()));
            evidence.put("actual", Long.toString(result.actual()));
            evidence.put("shortfall", Long.toString(result.shortfall()));
            findings.add(new RuleFinding(AlertType.TARGET_MISSED, unit.getId(), date, ruleId(result.metric()),
                    Severity.WARNING, "target.missed",
                    List.of(names.nameOf(result.metric()), Long.toString(result.actual()),
                            Long.toString(result.target()), Long.toString(result.shortfall())),
                    evidence));
        }
        return findings;
    }
}
