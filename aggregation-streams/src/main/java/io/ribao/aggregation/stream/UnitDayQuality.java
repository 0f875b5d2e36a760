package io.ribao.aggregation.stream;

import io.ribao.aggregation.rules.FindingChanges;
import io.ribao.aggregation.rules.MetricNames;
import io.ribao.aggregation.rules.QualityChecks;
import io.ribao.aggregation.rules.RuleFinding;
import io.ribao.aggregation.rules.UnitHistory;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-unit data-quality rules ({@link QualityChecks}) at the edge of the stores: loads the unit's history and
 * the findings still open for the unit-day, judges, and stores what the next judgement needs.
 */
final class UnitDayQuality {

    /** Units reporting now: each signed revision reads its unit's history again. */
    private static final int HISTORIES_IN_MEMORY = 8_192;
    /** Unit-days signed now: each signed revision reads what its day has open, mostly nothing. */
    private static final int FINDINGS_IN_MEMORY = 8_192;

    private final WriteThroughCache<UnitHistory> histories;
    private final KeyValues<String> openFindings;
    private final KeyValueStore<String, Form> forms;
    private QualityChecks checks;
    /** The forms, read once per punctuation rather than decoded for every signed report. */
    private final Map<String, Form> formsById = new HashMap<>();

    UnitDayQuality(KeyValueStore<String, UnitHistory> histories, KeyValueStore<String, String> openFindings,
                   KeyValueStore<String, Form> forms) {
        this.histories = new WriteThroughCache<>(histories, HISTORIES_IN_MEMORY);
        this.openFindings = new WriteThroughCache<>(openFindings, FINDINGS_IN_MEMORY);
        this.forms = forms;
        refreshMetricNames();
    }

    /** Metric names come from the forms, which change only on a roster reload. */
    void refreshMetricNames() {
        formsById.clear();
        try (KeyValueIterator<String, Form> it = forms.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    formsById.put(kv.key, kv.value);
                }
            });
        }
        checks = new QualityChecks(MetricNames.of(formsById.values()));
    }

    static MetricNames metricNames(KeyValueStore<String, Form> forms) {
        List<Form> all = new ArrayList<>();
        try (KeyValueIterator<String, Form> it = forms.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    all.add(kv.value);
                }
            });
        }
        return MetricNames.of(all);
    }

    /** Rules judged on every report event (a downward revision). */
    List<RuleFinding> onReport(ReportEvent report) {
        return checks.onReport(report);
    }

    /** Rules judged on a signed unit-day; the history then records the day's figures. */
    FindingChanges onStatus(String dayKey, UnitDayStatus status, Unit unit, Jurisdiction jurisdiction) {
        if (!QualityChecks.isSigned(status)) {
            return new FindingChanges(List.of(), List.of(), Set.of());
        }
        UnitHistory stored = histories.get(unit.getId());
        UnitHistory history = stored == null ? UnitHistory.empty() : stored;
        Form form = unit.getFormId() == null ? null : formsById.get(unit.getFormId());
        List<RuleFinding> findings = checks.onSignedUnitDay(status, unit, form, jurisdiction, history);
        UnitHistory next = history.record(status.getDate(), status.getZeroReport(), status.getMetrics());
        if (!next.equals(stored)) {
            histories.put(unit.getId(), next);
        }
        Set<String> before = open(openFindings, dayKey);
        FindingChanges changes = FindingChanges.between(before, findings);
        store(openFindings, dayKey, before, changes.open());
        return changes;
    }

    void forget(String dayKey) {
        openFindings.delete(dayKey);
    }

    static Set<String> open(KeyValues<String> store, String key) {
        String joined = store.get(key);
        return joined == null || joined.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(joined.split("\n")));
    }

    /**
     * Stores the findings open after a judgement; unchanged, it writes nothing, so a report that raises nothing costs
     * no changelog record (not even a tombstone).
     */
    static void store(KeyValues<String> store, String key, Set<String> before, Set<String> open) {
        if (open.equals(before)) {
            return;
        }
        if (open.isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, String.join("\n", new TreeSet<>(open)));
        }
    }
}
