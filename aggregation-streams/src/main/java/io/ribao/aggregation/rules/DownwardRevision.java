package io.ribao.aggregation.rules;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.report.MetricChange;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rule 3: a signed revision lowers numbers the unit already reported; the finding names who submitted and who signed,
 * and each number from and to. An unsigned draft does not count yet, so only a signed revision is judged.
 */
public final class DownwardRevision {

    public static final String RULE_ID = "downward-revision";

    private final MetricNames names;

    public DownwardRevision(MetricNames names) {
        this.names = names;
    }

    public List<RuleFinding> evaluate(ReportEvent event) {
        boolean signed = event.getType() == ReportEventType.SIGNED_OFF || event.getSignedAt() != null;
        if (!signed || event.getLowered().isEmpty()) {
            return List.of();
        }
        String signedBy = event.getSignedBy() == null ? event.getSubmittedBy() : event.getSignedBy();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("reportId", event.getReportId());
        evidence.put("revision", Integer.toString(event.getRevision()));
        evidence.put("submittedBy", event.getSubmittedBy());
        evidence.put("signedBy", signedBy);
        for (MetricChange change : event.getLowered()) {
            evidence.put(change.getCode() + ".from", Long.toString(change.getFrom()));
            evidence.put(change.getCode() + ".to", Long.toString(change.getTo()));
        }
        String changes = event.getLowered().stream()
                .map(c -> names.nameOf(c.getCode()) + " " + c.getFrom() + " → " + c.getTo())
                .collect(Collectors.joining(", "));
        return List.of(new RuleFinding(AlertType.CONCEALMENT_SUSPECTED, event.getUnitId(), event.getDate(), RULE_ID,
                Severity.WARNING, "downward.revision",
                List.of(Integer.toString(event.getRevision()), event.getSubmittedBy(), signedBy, changes), evidence));
    }
}
