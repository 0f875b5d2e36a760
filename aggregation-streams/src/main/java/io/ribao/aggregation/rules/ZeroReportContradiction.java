package io.ribao.aggregation.rules;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.NodeView;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule 2: a unit signs a zero report while its direct children signed activity (any metric above 0) for the same
 * day. Supervision teams are left out: what they inspect is not the unit's own work.
 */
public final class ZeroReportContradiction {

    public static final String RULE_ID = "zero-contradicted";

    public List<RuleFinding> evaluate(String unitId, LocalDate date, NodeView node) {
        boolean zeroReport = node.own().map(own -> own.signed() && own.zeroReport()).orElse(false);
        // Decided on the running count; the active children are read only for the evidence of a finding.
        if (!zeroReport || node.activeDirectChildren() == 0) {
            return List.of();
        }
        Map<String, Long> active = new TreeMap<>();
        for (Contribution child : node.directChildren(List.of())) {
            if (NodeView.isActiveChild(child)) {
                active.put(child.sourceUnitId(), child.activity());
            }
        }
        if (active.isEmpty()) {
            return List.of();
        }
        long total = active.values().stream().mapToLong(Long::longValue).sum();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("zeroReport", "true");
        evidence.put("childrenActivity", Long.toString(total));
        active.forEach((childId, activity) -> evidence.put("child:" + childId, Long.toString(activity)));
        return List.of(new RuleFinding(AlertType.CONCEALMENT_SUSPECTED, unitId, date, RULE_ID, Severity.CRITICAL,
                "zero.contradicted", List.of(Integer.toString(active.size()), Long.toString(total)), evidence));
    }
}
