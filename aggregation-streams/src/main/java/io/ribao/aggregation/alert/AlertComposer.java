package io.ribao.aggregation.alert;

import io.ribao.aggregation.day.AlertChange;
import io.ribao.aggregation.day.AlertIds;
import io.ribao.aggregation.day.DaySchedule;
import io.ribao.aggregation.rules.RuleFinding;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a state-machine alert change into the {@link AlertEvent} of the contract: id, severity, text, recipients.
 * Thread-safe; each stream task builds its own.
 */
public final class AlertComposer {

    private final AlertMessages messages;

    public AlertComposer(AlertMessages messages) {
        this.messages = messages;
    }

    public AlertEvent compose(AlertChange change, Unit unit, Jurisdiction jurisdiction, LocalDate date, Instant now) {
        return compose(change, unit, jurisdiction, DaySchedule.of(jurisdiction, date), now);
    }

    /** As above, with the day's schedule at hand (the hot path: 100,000 alerts at one deadline). */
    public AlertEvent compose(AlertChange change, Unit unit, Jurisdiction jurisdiction, DaySchedule schedule,
                              Instant now) {
        LocalDate date = schedule.date();
        String deadline = schedule.localTime(change.type() == AlertType.STILL_MISSING
                ? schedule.bulletin() : schedule.submission());
        String message = messages.format(change.type(), change.state(), unit.getName(), date.toString(), deadline,
                change.detail());
        return compose(change.type(), change.state(), change.ruleId(), severity(change.type()), message,
                change.evidence(), unit, jurisdiction, date, now);
    }

    /** An alert whose text was formatted elsewhere (a data-quality finding). */
    public AlertEvent compose(AlertType type, AlertState state, String ruleId, Severity severity,
                              String message, Map<String, String> evidence, Unit unit, Jurisdiction jurisdiction,
                              LocalDate date, Instant now) {
        return AlertEvent.newBuilder()
                .setAlertId(AlertIds.of(type, unit.getId(), date, ruleId))
                .setType(type)
                .setState(state)
                .setSeverity(severity)
                .setJurisdictionId(jurisdiction.getId())
                .setUnitId(unit.getId())
                .setDate(date)
                .setRuleId(ruleId)
                .setMessage(message)
                .setEvidence(new HashMap<>(evidence))
                .setRecipients(new ArrayList<>(recipients(type, unit, jurisdiction)))
                .setAt(now)
                .build();
    }

    /** The raised alert of a data-quality finding, routed like every other alert. */
    public AlertEvent compose(RuleFinding finding, Unit unit, Jurisdiction jurisdiction, Instant now) {
        return finding.toAlertEvent(jurisdiction.getId(), unit.getName(),
                new ArrayList<>(recipients(finding.type(), unit, jurisdiction)), now);
    }

    /** The resolution of a finding that no longer holds, known by its id {@code TYPE:unitId:date:ruleId}. */
    public AlertEvent resolution(String alertId, Unit unit, Jurisdiction jurisdiction, LocalDate date, Instant now) {
        AlertType type = AlertType.valueOf(alertId.substring(0, alertId.indexOf(':')));
        String prefix = AlertIds.of(type, unit.getId(), date, null) + ":";
        String ruleId = alertId.startsWith(prefix) ? alertId.substring(prefix.length()) : null;
        String message = messages.format(type, AlertState.RESOLVED, unit.getName(), date.toString(), "", "");
        return compose(type, AlertState.RESOLVED, ruleId, severity(type), message, Map.of(), unit, jurisdiction, date,
                now);
    }

    public static Severity severity(AlertType type) {
        return switch (type) {
            case DUE_SOON -> Severity.INFO;
            case STILL_MISSING, CONCEALMENT_SUSPECTED -> Severity.CRITICAL;
            default -> Severity.WARNING;
        };
    }

    /** The unit's principal and supervisors; the office for escalations; the leaders for what the bulletin lacks. */
    public static Set<String> recipients(AlertType type, Unit unit, Jurisdiction jurisdiction) {
        Set<String> recipients = new LinkedHashSet<>();
        if (unit.getPrincipalId() != null) {
            recipients.add(unit.getPrincipalId());
        }
        recipients.addAll(unit.getSupervisorIds());
        if (type == AlertType.STILL_MISSING || type == AlertType.CONCEALMENT_SUSPECTED) {
            recipients.addAll(jurisdiction.getOfficeUserIds());
        }
        if (type == AlertType.STILL_MISSING) {
            recipients.addAll(jurisdiction.getBulletinRecipientIds());
        }
        return recipients;
    }
}
