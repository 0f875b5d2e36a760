package io.ribao.bulletin.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the drafter needs for one jurisdiction and day, already read from the read models: the issuer, the
 * units, the day's statuses (from the day-closed snapshot, or the current ones for an on-demand draft), the root
 * roll-up totals of the day and of the day before (empty when unknown), the metric names in display order, the day's
 * alerts, the supervision findings, the office's narrative, and the previous day's reports that came in after its
 * bulletin cutoff (the addendum, 补报).
 */
public record DraftInputs(
        Issuer issuer,
        LocalDate date,
        int version,
        List<UnitEntry> units,
        List<UnitDay> statuses,
        Map<String, Long> todayTotals,
        Map<String, Long> yesterdayTotals,
        Map<String, String> metricNames,
        List<AlertEntry> alerts,
        List<FindingEntry> findings,
        String narrative,
        List<UnitDay> previousDayAfterCutoff) {

    public DraftInputs {
        units = List.copyOf(units);
        statuses = List.copyOf(statuses);
        todayTotals = todayTotals == null ? Map.of() : todayTotals;
        yesterdayTotals = yesterdayTotals == null ? Map.of() : yesterdayTotals;
        metricNames = metricNames == null ? Map.of() : metricNames;
        alerts = List.copyOf(alerts);
        findings = List.copyOf(findings);
        narrative = narrative == null ? "" : narrative;
        previousDayAfterCutoff = previousDayAfterCutoff == null ? List.of() : List.copyOf(previousDayAfterCutoff);
    }

    /** Inputs without an addendum (nothing of the day before arrived after its bulletin cutoff). */
    public DraftInputs(Issuer issuer, LocalDate date, int version, List<UnitEntry> units, List<UnitDay> statuses,
                       Map<String, Long> todayTotals, Map<String, Long> yesterdayTotals,
                       Map<String, String> metricNames, List<AlertEntry> alerts, List<FindingEntry> findings,
                       String narrative) {
        this(issuer, date, version, units, statuses, todayTotals, yesterdayTotals, metricNames, alerts, findings,
                narrative, List.of());
    }

    /** Who issues the bulletin and who receives it: 报 (the bulletin recipients' names) and 送 (upstream). */
    public record Issuer(String jurisdictionId, String jurisdictionName, String office, List<String> reportTo,
                         List<String> sendTo) {
        public Issuer {
            reportTo = List.copyOf(reportTo);
            sendTo = List.copyOf(sendTo);
        }
    }

    /** A unit of the roster: kind is a {@code UnitKind} name. */
    public record UnitEntry(String unitId, String name, String kind, String parentId) {
    }

    /** One unit's status on the day; state is a {@code UnitDayState} name, signer PRINCIPAL / DELEGATE / null. */
    public record UnitDay(String unitId, String state, boolean zeroReport, Map<String, Long> metrics, String signer,
                          String signedBy, boolean unsigned, boolean afterCutoff) {
        public UnitDay {
            metrics = metrics == null ? Map.of() : metrics;
        }
    }

    /** An alert of the day; only some types end up named in the bulletin. */
    public record AlertEntry(String type, String unitId, String message, boolean resolved) {
    }

    /** A supervision finding with its rectification status. */
    public record FindingEntry(String findingId, String unitId, String problem, LocalDate dueDate, String status,
                               String rectification) {
    }
}
