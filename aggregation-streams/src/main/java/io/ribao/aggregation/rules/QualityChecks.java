package io.ribao.aggregation.rules;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.NodeView;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every data-quality and concealment rule, grouped by the moment the Streams app can judge them: a report event, a
 * signed unit-day, or a changed node aggregate.
 */
public final class QualityChecks {

    private final DownwardRevision downwardRevision;
    private final MetricOutliers outliers;
    private final ZeroStreak zeroStreak = new ZeroStreak();
    private final TargetShortfall targets;
    private final CrossLevelReconciliation reconciliation;
    private final ZeroReportContradiction zeroContradiction = new ZeroReportContradiction();

    public QualityChecks(MetricNames names) {
        downwardRevision = new DownwardRevision(names);
        outliers = new MetricOutliers(names);
        targets = new TargetShortfall(names);
        reconciliation = new CrossLevelReconciliation(names);
    }

    /** Rule 3, on each report event. */
    public List<RuleFinding> onReport(ReportEvent event) {
        return downwardRevision.evaluate(event);
    }

    /**
     * Rules 4, 5 and 6 for a signed (ON_TIME or LATE) unit-day of an active unit; nothing otherwise.
     *
     * @param form    the unit's form (null: no maxima)
     * @param history the unit's history as stored, before or after this day was recorded in it
     */
    public List<RuleFinding> onSignedUnitDay(UnitDayStatus status, Unit unit, Form form, Jurisdiction jurisdiction,
                                             UnitHistory history) {
        if (!isSigned(status) || !Contribution.isActive(unit, status.getDate())) {
            return List.of();
        }
        DayRecord today = dayOf(status);
        List<RuleFinding> findings = new ArrayList<>();
        findings.addAll(outliers.evaluate(unit.getId(), status.getDate(), today, history, form,
                jurisdiction.getQuality()));
        findings.addAll(zeroStreak.evaluate(unit.getId(), status.getDate(), today, history,
                jurisdiction.getQuality()));
        findings.addAll(targets.evaluate(unit, status.getDate(), status.getMetrics()));
        return findings;
    }

    /** Rules 1 and 2 for a node whose aggregate changed (its own report or one of its children's). */
    public List<RuleFinding> onNode(String nodeId, LocalDate date, NodeView node, Jurisdiction jurisdiction) {
        List<RuleFinding> findings = new ArrayList<>(
                reconciliation.evaluate(nodeId, date, node, jurisdiction.getReconciliation()));
        findings.addAll(zeroContradiction.evaluate(nodeId, date, node));
        return findings;
    }

    /** The history entry of a signed unit-day: record it with {@link UnitHistory#record} after judging it. */
    public static DayRecord dayOf(UnitDayStatus status) {
        return new DayRecord(status.getDate(), status.getZeroReport(), status.getMetrics());
    }

    public static boolean isSigned(UnitDayStatus status) {
        return status.getState() == UnitDayState.ON_TIME || status.getState() == UnitDayState.LATE;
    }
}
