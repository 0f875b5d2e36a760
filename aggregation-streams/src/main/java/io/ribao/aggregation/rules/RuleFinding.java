package io.ribao.aggregation.rules;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a data-quality or concealment rule found about one unit on one day. Named apart from the supervision
 * {@code io.ribao.schemas.report.Finding} a report carries.
 *
 * @param messageKey key in the {@code rules} bundle; {@code arguments} fill its {0}, {1}, … as given (already text,
 *                   so numbers are not regrouped by locale)
 * @param evidence   the numbers that triggered the finding, by name
 */
public record RuleFinding(AlertType type, String unitId, LocalDate date, String ruleId, Severity severity,
                          String messageKey, List<String> arguments, Map<String, String> evidence) {

    public RuleFinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageKey, "messageKey");
        arguments = List.copyOf(arguments);
        evidence = Collections.unmodifiableMap(new TreeMap<>(evidence));
    }

    /** {@code TYPE:unitId:date:ruleId}, the same every time the same thing is found, so the alert is deduplicated. */
    public String alertId() {
        return type + ":" + unitId + ":" + date + ":" + ruleId;
    }

    /** What was found, in Chinese, without naming the unit. */
    public String message() {
        return message(RuleMessages.CHINESE);
    }

    public String message(Locale locale) {
        return RuleMessages.format(messageKey, arguments, locale);
    }

    /** The alert text in Chinese: the unit's name and the date, then what was found (天保镇（2026-03-10）…). */
    public String messageAbout(String unitName) {
        return messageAbout(unitName, RuleMessages.CHINESE);
    }

    public String messageAbout(String unitName, Locale locale) {
        return RuleMessages.format("finding.subject", List.of(unitName, date.toString(), message(locale)), locale);
    }

    /** The raised alert for this finding; routing decides the recipients. */
    public AlertEvent toAlertEvent(String jurisdictionId, String unitName, List<String> recipients, Instant at) {
        return AlertEvent.newBuilder()
                .setAlertId(alertId())
                .setType(type)
                .setState(AlertState.RAISED)
                .setSeverity(severity)
                .setJurisdictionId(jurisdictionId)
                .setUnitId(unitId)
                .setDate(date)
                .setRuleId(ruleId)
                .setMessage(messageAbout(unitName))
                .setEvidence(new TreeMap<>(evidence))
                .setRecipients(List.copyOf(recipients))
                .setAt(at)
                .build();
    }
}
