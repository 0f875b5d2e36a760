package io.ribao.aggregation.rules;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.NodeView;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.roster.ReconciliationRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule 1: a parent reporting less of a metric than its direct children of the mapped kinds sent it, beyond the
 * tolerance (a township with fewer people in centralized isolation than its checkpoints transferred). Judged only on
 * signed figures: until the parent has signed there is nothing of its to contradict.
 */
public final class CrossLevelReconciliation {

    private final MetricNames names;

    public CrossLevelReconciliation(MetricNames names) {
        this.names = names;
    }

    /** {@code reconciliation:<rule id>}. */
    public static String ruleId(ReconciliationRule rule) {
        return "reconciliation:" + rule.getId();
    }

    public List<RuleFinding> evaluate(String parentUnitId, LocalDate date, NodeView node,
                                      List<ReconciliationRule> rules) {
        Optional<Contribution> parent = node.own().filter(Contribution::signed);
        if (parent.isEmpty()) {
            return List.of();
        }
        List<RuleFinding> findings = new ArrayList<>();
        for (ReconciliationRule rule : rules) {
            parentValue(parent.get(), rule.getParentMetric())
                    .flatMap(value -> check(parentUnitId, date, node, rule, value))
                    .ifPresent(findings::add);
        }
        return findings;
    }

    private Optional<RuleFinding> check(String parentUnitId, LocalDate date, NodeView node,
                                        ReconciliationRule rule, long parentValue) {
        // Decided on the running sum; each child's figure is read only for the evidence of a finding.
        long childrenSum = node.directChildrenSum(rule.getChildMetric(), rule.getChildKinds());
        if (childrenSum - parentValue <= rule.getTolerance()) {
            return Optional.empty();
        }
        Map<String, Long> children = node.directChildValues(rule.getChildMetric(), rule.getChildKinds());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("parentMetric", rule.getParentMetric());
        evidence.put("parentValue", Long.toString(parentValue));
        evidence.put("childMetric", rule.getChildMetric());
        evidence.put("childrenSum", Long.toString(childrenSum));
        evidence.put("tolerance", Long.toString(rule.getTolerance()));
        children.forEach((unitId, value) -> evidence.put("child:" + unitId, Long.toString(value)));
        return Optional.of(new RuleFinding(AlertType.CONCEALMENT_SUSPECTED, parentUnitId, date, ruleId(rule),
                Severity.CRITICAL, "reconciliation.lower",
                List.of(names.nameOf(rule.getParentMetric()), Long.toString(parentValue),
                        names.nameOf(rule.getChildMetric()), Long.toString(childrenSum),
                        Integer.toString(children.size()), Long.toString(rule.getTolerance())),
                evidence));
    }

    /** A zero report reports 0 of everything; a report that leaves the metric out cannot be reconciled. */
    private static Optional<Long> parentValue(Contribution parent, String metric) {
        Long value = parent.metrics().get(metric);
        if (value != null) {
            return Optional.of(value);
        }
        return parent.zeroReport() ? Optional.of(0L) : Optional.empty();
    }
}
