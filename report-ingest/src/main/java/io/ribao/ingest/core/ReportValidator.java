package io.ribao.ingest.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.ribao.ingest.api.FindingRequest;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.error.FieldError;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Checks a report's content against its unit's form (DESIGN.md §9: bounded inputs, unknown metrics named) and
 * collects every problem with the field it belongs to, so the web form can show each next to its input.
 */
public final class ReportValidator {

    public static final int MAX_NARRATIVE = 2000;
    public static final int MAX_PROBLEM = 500;
    public static final int MAX_FINDINGS = 50;
    public static final int MAX_METRICS = 200;
    /** The ceiling of a metric without a configured maximum (the API speaks of int values). */
    public static final long DEFAULT_MAX = Integer.MAX_VALUE;

    private final Predicate<String> unitExists;
    /** Forms' checks by their text, parsed once (the roster loader has already refused any that does not parse). */
    private final Map<String, CheckExpression> parsedChecks = new ConcurrentHashMap<>();

    public ReportValidator(Predicate<String> unitExists) {
        this.unitExists = unitExists;
    }

    /** Parses {@code YYYY-MM-DD} strictly; throws a 422 naming {@code field}. */
    public static LocalDate parseDate(String field, String text, Messages messages) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(field, messages.get("field.required"));
        }
        LocalDate date = tryDate(text);
        if (date == null) {
            throw ApiException.invalid(field, messages.get("date.invalid"));
        }
        return date;
    }

    /**
     * {@code yyyy-MM-dd} exactly, as ISO_LOCAL_DATE reads ten characters, or null. Read by hand: the formatter's
     * parse was as costly as the whole validation of a report (JFR, docs/benchmarks-history.md).
     */
    static LocalDate tryDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public ValidatedReport validate(ReportRequest request, Unit unit, Form form, LocalDate date, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        boolean zero = Boolean.TRUE.equals(request.zeroReport());
        Map<String, MetricDefinition> definitions = new LinkedHashMap<>();
        form.getMetrics().forEach(m -> definitions.put(m.getCode(), m));

        Map<String, Long> values = new LinkedHashMap<>();
        if (request.metrics().size() > MAX_METRICS) {
            errors.add(new FieldError("metrics", messages.get("metric.tooMany", MAX_METRICS)));
        } else {
            for (Map.Entry<String, JsonNode> entry : request.metrics().entrySet()) {
                String field = "metrics." + shorten(entry.getKey());
                MetricDefinition definition = definitions.get(entry.getKey());
                if (definition == null) {
                    errors.add(new FieldError(field, messages.get("metric.unknown", shorten(entry.getKey()))));
                    continue;
                }
                JsonNode node = entry.getValue();
                long max = definition.getMax() == null ? DEFAULT_MAX : definition.getMax();
                if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
                    errors.add(new FieldError(field, notALong(node, definition.getMin(), max, messages)));
                    continue;
                }
                long value = node.longValue();
                if (value < definition.getMin()) {
                    errors.add(new FieldError(field, messages.get("metric.belowMin", definition.getMin())));
                } else if (value > max) {
                    errors.add(new FieldError(field, messages.get("metric.aboveMax", max)));
                } else if (zero && value != 0) {
                    errors.add(new FieldError(field, messages.get("metric.zeroReportNonZero")));
                } else {
                    values.put(entry.getKey(), value);
                }
            }
        }
        for (MetricDefinition definition : definitions.values()) {
            if (!request.metrics().containsKey(definition.getCode())) {
                if (definition.getRequired() && !zero) {
                    errors.add(new FieldError("metrics." + definition.getCode(), messages.get("field.required")));
                }
            }
        }
        // Checks read an omitted optional metric as 0; the report keeps only what was reported (a zero report: all 0),
        // so an omitted optional metric whose minimum is above 0 is never stored as an out-of-range 0.
        Map<String, Long> complete = new LinkedHashMap<>();
        Map<String, Long> reported = new LinkedHashMap<>();
        definitions.keySet().forEach(code -> {
            complete.put(code, values.getOrDefault(code, 0L));
            if (zero || values.containsKey(code)) {
                reported.put(code, values.getOrDefault(code, 0L));
            }
        });
        if (errors.isEmpty()) {
            for (String text : form.getChecks()) {
                CheckExpression check = parsedChecks.computeIfAbsent(text, CheckExpression::parse);
                if (!check.holdsFor(complete)) {
                    String first = check.metrics().stream().findFirst().orElse("");
                    errors.add(new FieldError("metrics." + first, messages.get("check.failed", text)));
                }
            }
        }
        String narrative = request.narrative();
        if (narrative != null && narrative.length() > MAX_NARRATIVE) {
            errors.add(new FieldError("narrative", messages.get("field.tooLong", MAX_NARRATIVE)));
        }
        List<ValidatedReport.FindingContent> findings = findings(request.findings(), unit, date, messages, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ValidatedReport(unit.getId(), date, zero, reported,
                narrative == null || narrative.isBlank() ? null : narrative.strip(), findings);
    }

    private List<ValidatedReport.FindingContent> findings(List<FindingRequest> requests, Unit unit, LocalDate date,
                                                          Messages messages, List<FieldError> errors) {
        List<ValidatedReport.FindingContent> findings = new ArrayList<>();
        if (requests.isEmpty()) {
            return findings;
        }
        if (unit.getKind() != UnitKind.SUPERVISION_TEAM) {
            errors.add(new FieldError("findings", messages.get("findings.notSupervision")));
            return findings;
        }
        if (requests.size() > MAX_FINDINGS) {
            errors.add(new FieldError("findings", messages.get("findings.tooMany", MAX_FINDINGS)));
            return findings;
        }
        for (int i = 0; i < requests.size(); i++) {
            String at = "findings[" + i + "]";
            FindingRequest finding = requests.get(i);
            if (finding == null) {
                errors.add(new FieldError(at, messages.get("field.required")));
                continue;
            }
            boolean ok = true;
            if (finding.unitId() == null || finding.unitId().isBlank()) {
                errors.add(new FieldError(at + ".unitId", messages.get("field.required")));
                ok = false;
            } else if (!unitExists.test(finding.unitId())) {
                errors.add(new FieldError(at + ".unitId", messages.get("unit.unknown", shorten(finding.unitId()))));
                ok = false;
            }
            if (finding.problem() == null || finding.problem().isBlank()) {
                errors.add(new FieldError(at + ".problem", messages.get("field.required")));
                ok = false;
            } else if (finding.problem().length() > MAX_PROBLEM) {
                errors.add(new FieldError(at + ".problem", messages.get("field.tooLong", MAX_PROBLEM)));
                ok = false;
            }
            LocalDate due = null;
            if (finding.dueDate() != null) {
                due = tryDate(finding.dueDate());
                if (due == null) {
                    errors.add(new FieldError(at + ".dueDate", messages.get("date.invalid")));
                    ok = false;
                } else if (due.isBefore(date)) {
                    errors.add(new FieldError(at + ".dueDate", messages.get("finding.dueBeforeReport")));
                    ok = false;
                }
            }
            if (ok) {
                findings.add(new ValidatedReport.FindingContent(finding.unitId(), finding.problem().strip(), due));
            }
        }
        return findings;
    }

    /**
     * What is wrong with a metric value that is no long: a number beyond the metric's limits is out of range however
     * it is written (1e20, or more digits than a long holds), anything else (1.5, "7") is not a whole number.
     */
    private static String notALong(JsonNode value, long min, long max, Messages messages) {
        if (value != null && value.isNumber()) {
            // an integral number that no long holds lies beyond every limit, on the side of its sign
            boolean integral = value.isIntegralNumber();
            if (integral ? value.bigIntegerValue().signum() < 0 : value.doubleValue() < min) {
                return messages.get("metric.belowMin", min);
            }
            if (integral ? value.bigIntegerValue().signum() > 0 : value.doubleValue() > max) {
                return messages.get("metric.aboveMax", max);
            }
        }
        return messages.get("metric.notInteger");
    }

    /** Field names echo client input: keep them short. */
    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
