package io.ribao.aggregation.day;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit-day state machine of DESIGN.md §4: what a report revision or a deadline does to the status of one unit on
 * one day, and which alerts that raises or resolves. Pure: the caller supplies the schedule and "now", stores the
 * result and decides whether a raised alert is new. Statuses share their figures with the report they came from and
 * with the statuses after them: neither is ever changed in place.
 */
public final class UnitDay {

    private UnitDay() {
    }

    /** A unit-day as it is when the day opens: nothing reported yet. */
    public static UnitDayStatus expected(String unitId, String jurisdictionId, LocalDate date, Instant now) {
        return UnitDayStatus.newBuilder()
                .setUnitId(unitId)
                .setJurisdictionId(jurisdictionId)
                .setDate(date)
                .setState(UnitDayState.EXPECTED)
                .setMetrics(new HashMap<>())
                .setUpdatedAt(now)
                .build();
    }

    public static Transition onReport(UnitDayStatus current, ReportEvent report, DaySchedule schedule, Instant now) {
        if (current.getLocked()) {
            return Transition.NONE;
        }
        return report.getSignedAt() == null
                ? onDraft(current, report, now)
                : onSignature(current, report, schedule, now);
    }

    public static Transition onDeadline(UnitDayStatus current, Deadline deadline, DaySchedule schedule, Instant now) {
        if (current.getLocked()) {
            return Transition.NONE;
        }
        boolean signed = current.getSignedRevision() > 0;
        return switch (deadline) {
            case REMINDER -> signed ? Transition.NONE
                    : alertsOnly(AlertChange.raise(AlertType.DUE_SOON, null, "", deadlineEvidence(schedule)));
            case SUBMISSION -> signed ? Transition.NONE : missedSubmission(current, schedule, now);
            case BULLETIN -> signed ? Transition.NONE
                    : alertsOnly(AlertChange.raise(AlertType.STILL_MISSING, null, "", bulletinEvidence(current, schedule)));
            case LOCK -> {
                UnitDayStatus locked = copy(current);
                locked.setLocked(true);
                locked.setUpdatedAt(now);
                yield new Transition(locked, List.of());
            }
            case DAY_CLOSE -> Transition.NONE;
        };
    }

    private static Transition onDraft(UnitDayStatus current, ReportEvent report, Instant now) {
        if (report.getRevision() <= current.getRevision()) {
            return Transition.NONE;
        }
        UnitDayStatus next = copy(current);
        next.setReportId(report.getReportId());
        next.setRevision(report.getRevision());
        next.setSubmittedAt(report.getSubmittedAt());
        next.setUpdatedAt(now);
        if (current.getSignedRevision() == 0) {
            // Until something is signed the latest draft is all there is to show.
            next.setZeroReport(report.getZeroReport());
            next.setMetrics(report.getMetrics());
            if (current.getState() == UnitDayState.EXPECTED) {
                next.setState(UnitDayState.PENDING_SIGNOFF);
            } else if (current.getState() == UnitDayState.MISSING) {
                next.setUnsigned(true);
            }
        }
        return new Transition(next, List.of());
    }

    private static Transition onSignature(UnitDayStatus current, ReportEvent report, DaySchedule schedule, Instant now) {
        if (report.getRevision() <= current.getSignedRevision()) {
            return Transition.NONE;
        }
        Instant signedAt = report.getSignedAt();
        boolean afterDeadline = signedAt.isAfter(schedule.submission());
        UnitDayStatus next = copy(current);
        next.setReportId(report.getReportId());
        next.setRevision(Math.max(current.getRevision(), report.getRevision()));
        next.setSignedRevision(report.getRevision());
        next.setZeroReport(report.getZeroReport());
        next.setMetrics(report.getMetrics());
        next.setSubmittedAt(report.getSubmittedAt());
        next.setSignedAt(signedAt);
        next.setSignedBy(report.getSignedBy());
        next.setSigner(report.getSigner());
        next.setUnsigned(false);
        next.setAfterCutoff(current.getAfterCutoff() || report.getAfterCutoff() || signedAt.isAfter(schedule.bulletin()));
        next.setUpdatedAt(now);
        List<AlertChange> alerts = new ArrayList<>();
        if (current.getSignedRevision() > 0) {
            // A revision keeps the timeliness of the first signature; after the deadline it is flagged.
            if (afterDeadline) {
                next.setRevisedAfterDeadline(true);
                alerts.add(AlertChange.raise(AlertType.REVISED_AFTER_DEADLINE, "revision-" + report.getRevision(),
                        String.valueOf(report.getRevision()), revisionEvidence(current, report, schedule)));
            }
            return new Transition(next, alerts);
        }
        Map<String, String> evidence = signatureEvidence(report, schedule);
        if (afterDeadline) {
            next.setState(UnitDayState.LATE);
            alerts.add(AlertChange.raise(AlertType.LATE, null, schedule.localTime(signedAt), evidence));
        } else {
            next.setState(UnitDayState.ON_TIME);
        }
        // The signature removes the cause of every open reminder or escalation, whichever deadline raised it.
        alerts.add(AlertChange.resolve(AlertType.DUE_SOON, evidence));
        alerts.add(AlertChange.resolve(AlertType.MISSING, evidence));
        alerts.add(AlertChange.resolve(AlertType.UNSIGNED, evidence));
        alerts.add(AlertChange.resolve(AlertType.STILL_MISSING, evidence));
        return new Transition(next, alerts);
    }

    private static Transition missedSubmission(UnitDayStatus current, DaySchedule schedule, Instant now) {
        boolean draft = current.getRevision() > 0;
        UnitDayStatus next = copy(current);
        next.setState(UnitDayState.MISSING);
        next.setUnsigned(draft);
        next.setUpdatedAt(now);
        Map<String, String> evidence = deadlineEvidence(schedule);
        List<AlertChange> alerts = new ArrayList<>();
        if (draft) {
            Map<String, String> unsigned = new LinkedHashMap<>(evidence);
            unsigned.put("revision", String.valueOf(current.getRevision()));
            if (current.getSubmittedAt() != null) {
                unsigned.put("submittedAt", schedule.localDateTime(current.getSubmittedAt()));
            }
            alerts.add(AlertChange.raise(AlertType.UNSIGNED, null, "", unsigned));
        } else {
            alerts.add(AlertChange.raise(AlertType.MISSING, null, "", evidence));
        }
        // The reminder has done its work; the escalation replaces it.
        alerts.add(AlertChange.resolve(AlertType.DUE_SOON, evidence));
        return new Transition(next, alerts);
    }

    private static Transition alertsOnly(AlertChange change) {
        return new Transition(null, List.of(change));
    }

    private static Map<String, String> deadlineEvidence(DaySchedule schedule) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("deadline", schedule.localDateTime(schedule.submission()));
        return evidence;
    }

    private static Map<String, String> bulletinEvidence(UnitDayStatus current, DaySchedule schedule) {
        Map<String, String> evidence = deadlineEvidence(schedule);
        evidence.put("bulletin", schedule.localDateTime(schedule.bulletin()));
        evidence.put("draftRevision", String.valueOf(current.getRevision()));
        return evidence;
    }

    private static Map<String, String> signatureEvidence(ReportEvent report, DaySchedule schedule) {
        Map<String, String> evidence = deadlineEvidence(schedule);
        evidence.put("signedAt", schedule.localDateTime(report.getSignedAt()));
        evidence.put("revision", String.valueOf(report.getRevision()));
        if (report.getSignedBy() != null) {
            evidence.put("signedBy", report.getSignedBy());
        }
        if (report.getSigner() != null) {
            evidence.put("signer", report.getSigner().name());
        }
        long minutesLate = Duration.between(schedule.submission(), report.getSignedAt()).toMinutes();
        if (minutesLate > 0) {
            evidence.put("minutesLate", String.valueOf(minutesLate));
        }
        return evidence;
    }

    private static Map<String, String> revisionEvidence(UnitDayStatus current, ReportEvent report, DaySchedule schedule) {
        Map<String, String> evidence = signatureEvidence(report, schedule);
        evidence.put("previousRevision", String.valueOf(current.getSignedRevision()));
        evidence.put("timeliness", current.getState().name());
        return evidence;
    }

    /**
     * A shallow copy: fields are replaced, never mutated in place (maps are swapped for new ones), so sharing them
     * is safe, and it avoids the Avro builder's deep copy of every field on the hot path.
     */
    private static UnitDayStatus copy(UnitDayStatus s) {
        return new UnitDayStatus(s.getUnitId(), s.getJurisdictionId(), s.getDate(), s.getState(), s.getReportId(),
                s.getRevision(), s.getSignedRevision(), s.getZeroReport(), s.getMetrics(), s.getSubmittedAt(),
                s.getSignedAt(), s.getSignedBy(), s.getSigner(), s.getUnsigned(), s.getAfterCutoff(),
                s.getRevisedAfterDeadline(), s.getLocked(), s.getUpdatedAt());
    }
}
