package io.ribao.aggregation.rules;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.QualityRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rule 4: a metric far below the unit's trailing 7-day median ({@link ModifiedZScore} below −{@code outlierZScore},
 * strictly, given at least {@code outlierMinHistoryDays} past days of that metric), or above the form's maximum.
 * A zero report counts every metric as 0, so a checkpoint that went from hundreds to a zero report is a drop.
 */
public final class MetricOutliers {

    /** The trailing window of the median. */
    public static final int WINDOW_DAYS = 7;

    private final MetricNames names;

    public MetricOutliers(MetricNames names) {
        this.names = names;
    }

    /** {@code outlier:<metric>} for a drop. */
    public static String dropRuleId(String metric) {
        return "outlier:" + metric;
    }

    /** {@code outlier-max:<metric>} for a value above the form's maximum. */
    public static String aboveMaxRuleId(String metric) {
        return "outlier-max:" + metric;
    }

    /**
     * @param today   the unit's signed figures for {@code date}
     * @param history the unit's history; days on or after {@code date} are ignored
     * @param form    the unit's form, for the maxima and the metric list (null: only the reported metrics, no maxima)
     */
    public List<RuleFinding> evaluate(String unitId, LocalDate date, DayRecord today, UnitHistory history, Form form,
                                      QualityRules quality) {
        List<RuleFinding> findings = new ArrayList<>();
        List<DayRecord> window = history.before(date, WINDOW_DAYS);
        for (String metric : metricsOf(today, form)) {
            OptionalLong value = today.value(metric);
            if (value.isEmpty()) {
                continue;
            }
            MetricDefinition definition = definitionOf(form, metric);
            if (definition != null && definition.getMax() != null && value.getAsLong() > definition.getMax()) {
                findings.add(aboveMax(unitId, date, metric, value.getAsLong(), definition.getMax()));
                continue;
            }
            List<Long> past = pastValues(window, metric);
            if (past.isEmpty() || past.size() < quality.getOutlierMinHistoryDays()) {
                continue;
            }
            ModifiedZScore z = ModifiedZScore.of(value.getAsLong(), past);
            if (z.score() < -quality.getOutlierZScore()) {
                findings.add(drop(unitId, date, metric, value.getAsLong(), past, z, quality.getOutlierZScore()));
            }
        }
        return findings;
    }

    private RuleFinding drop(String unitId, LocalDate date, String metric, long value, List<Long> past,
                             ModifiedZScore z, double threshold) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("metric", metric);
        evidence.put("value", Long.toString(value));
        evidence.put("median", decimal(z.median()));
        evidence.put("mad", decimal(z.mad()));
        evidence.put("modifiedZScore", decimal(z.score()));
        evidence.put("threshold", decimal(threshold));
        evidence.put("historyDays", Integer.toString(past.size()));
        evidence.put("history", past.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return new RuleFinding(AlertType.OUTLIER, unitId, date, dropRuleId(metric), Severity.WARNING, "outlier.drop",
                List.of(names.nameOf(metric), Long.toString(value), decimal(z.median()), decimal(z.score())),
                evidence);
    }

    private RuleFinding aboveMax(String unitId, LocalDate date, String metric, long value, long max) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("metric", metric);
        evidence.put("value", Long.toString(value));
        evidence.put("max", Long.toString(max));
        return new RuleFinding(AlertType.OUTLIER, unitId, date, aboveMaxRuleId(metric), Severity.WARNING,
                "outlier.above.max", List.of(names.nameOf(metric), Long.toString(value), Long.toString(max)),
                evidence);
    }

    private static TreeSet<String> metricsOf(DayRecord today, Form form) {
        TreeSet<String> metrics = new TreeSet<>(today.metrics().keySet());
        if (form != null) {
            form.getMetrics().forEach(m -> metrics.add(m.getCode()));
        }
        return metrics;
    }

    /** The metric's values on the days of the window that have one, oldest first. */
    private static List<Long> pastValues(List<DayRecord> window, String metric) {
        List<Long> past = new ArrayList<>(window.size());
        for (DayRecord day : window) {
            OptionalLong value = day.value(metric);
            if (value.isPresent()) {
                past.add(value.getAsLong());
            }
        }
        return past;
    }

    // Plain loops here and in the pieces called per metric: every signed report runs them for each of its metrics.
    private static MetricDefinition definitionOf(Form form, String metric) {
        if (form == null) {
            return null;
        }
        for (MetricDefinition definition : form.getMetrics()) {
            if (definition.getCode().equals(metric)) {
                return definition;
            }
        }
        return null;
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
