package io.ribao.ingest.core;

import io.ribao.ingest.api.ReportReceipt;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.kit.EventIds;
import io.ribao.kit.audit.Audit;
import io.ribao.kit.audit.AuditRecords;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.error.FieldError;
import io.ribao.kit.roster.RosterView;
import io.ribao.roster.UnitCalendar;
import io.ribao.schemas.report.Finding;
import io.ribao.schemas.report.MetricChange;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submission and sign-off of daily reports (DESIGN.md §4, §8): who may act for which unit, which days are open,
 * revision numbers, downward revisions, timeliness by the server's clock at sign-off, idempotent retries. An answer
 * is given only after the event is durable; nothing is written when the request is refused.
 *
 * <p>Writes do not hold the caller's thread while the broker acknowledges (decision 413): {@link #submitAsync} and
 * {@link #signOffAsync} return once the event is sent, and their answers complete on {@code completions}. A unit's
 * writes still follow one another: the next write for a unit waits for the previous one to be settled, so revision
 * numbers and idempotency keys are decided on a known history. Every request is answered by its
 * {@link AnswerDeadline}: a write is sent only while the journal's {@link ReportJournal#writeGivesUpWithin} is left
 * before it, and when the unit's previous write or doubt cannot be settled by then, nothing is sent and the answer is
 * 503 (decision 418).
 */
public final class ReportIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ReportIntake.class);
    public static final int MAX_IDEMPOTENCY_KEY = 128;

    public static final String PENDING_SIGNOFF = "PENDING_SIGNOFF";
    public static final String SIGNED = "SIGNED";
    /** The answer budget of DESIGN.md §8 where none is configured. */
    public static final Duration DEFAULT_ANSWER_BUDGET = Duration.ofSeconds(5);

    private final RosterView roster;
    private final ReportIndex index;
    private final ReportJournal journal;
    private final Audit audit;
    private final AuditRecords auditRecords;
    private final ReportValidator validator;
    private final Clock clock;
    private final Duration answerBudget;
    private final UnitWrites unitWrites;
    /** Where an acknowledged write is answered: its audit record sent and its receipt built. */
    private final Executor completions;
    private final ReadBackRounds readBacks;

    public ReportIntake(RosterView roster, ReportIndex index, ReportJournal journal, Audit audit, Clock clock) {
        this(roster, index, journal, audit, clock, Runnable::run, DEFAULT_ANSWER_BUDGET);
    }

    public ReportIntake(RosterView roster, ReportIndex index, ReportJournal journal, Audit audit, Clock clock,
                        Executor completions, Duration answerBudget) {
        this.completions = completions;
        this.answerBudget = answerBudget;
        this.unitWrites = new UnitWrites(journal);
        this.readBacks = new ReadBackRounds(journal, index);
        this.roster = roster;
        this.index = index;
        this.journal = journal;
        this.audit = audit;
        this.auditRecords = new AuditRecords(clock);
        this.validator = new ReportValidator(id -> roster.unit(id) != null);
        this.clock = clock;
    }

    /** The deadline of a write request arriving now. */
    public AnswerDeadline answerDeadline() {
        return AnswerDeadline.after(answerBudget, clock);
    }

    public ReportReceipt submit(RibaoPrincipal actor, ReportRequest request, String idempotencyKey, String source,
                                Messages messages) {
        return outcome(submitAsync(actor, request, idempotencyKey, source, messages, answerDeadline()));
    }

    /**
     * Validates and sends; a refusal is thrown at once, the answer to an accepted report completes when the event is
     * durable (or fails with 503 when that is not known). When the unit's turn does not come in time to send by
     * {@code due}, 503 is thrown and nothing is sent; the caller bounds the answer's own wait by {@code due}.
     */
    public CompletableFuture<ReportReceipt> submitAsync(RibaoPrincipal actor, ReportRequest request,
                                                        String idempotencyKey, String source, Messages messages,
                                                        AnswerDeadline due) {
        if (idempotencyKey != null && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw ApiException.invalid("Idempotency-Key", messages.get("idempotency.tooLong", MAX_IDEMPOTENCY_KEY));
        }
        if (idempotencyKey != null) {
            ReportEvent first = index.firstAnswer(actor.userId(), idempotencyKey);
            if (first != null) {
                return CompletableFuture.completedFuture(receiptOf(first));
            }
        }
        if (request.unitId() == null || request.unitId().isBlank()) {
            throw ApiException.invalid("unitId", messages.get("field.required"));
        }
        Unit unit = roster.unit(request.unitId());
        if (unit == null) {
            throw ApiException.invalid("unitId", messages.get("unit.unknown", shorten(request.unitId())));
        }
        if (!mayReportFor(actor, unit)) {
            refuse(actor, "UNAUTHORIZED_REPORT", unit.getId(), source, Map.of("unitId", unit.getId(),
                    "actorUnitId", String.valueOf(actor.unitId()), "date", shorten(String.valueOf(request.date()))));
            throw ApiException.forbidden(messages.get("report.forbiddenUnit"));
        }
        LocalDate date = ReportValidator.parseDate("date", request.date(), messages);
        ReportingDay day = dayOf(unit);
        Instant now = clock.instant();
        checkDayAcceptsReports(day, date, now, messages);
        if (!UnitCalendar.activeOn(unit, date)) {
            throw new ApiException(422, "UNIT_INACTIVE", messages.get("unit.inactive", date),
                    List.of(new FieldError("date", messages.get("unit.inactive", date))));
        }
        Form form = roster.form(unit.getFormId());
        if (form == null) {
            throw ApiException.invalid("unitId", messages.get("unit.noForm"));
        }
        ValidatedReport report = validator.validate(request, unit, form, date, messages);
        requireFindingsInTheJurisdiction(report, unit, messages);
        Signer signer = signerFor(actor, unit, date);

        ReportEvent event;
        CompletableFuture<Void> written;
        try (UnitWrites.Turn turn = unitWrites.take(unit.getId(), sendBy(due))) {
            if (idempotencyKey != null) {
                ReportEvent first = index.firstAnswer(actor.userId(), idempotencyKey);
                if (first != null) {
                    return CompletableFuture.completedFuture(receiptOf(first));
                }
            }
            ReportEvent previous = index.latestRevision(unit.getId(), date);
            int revision = previous == null ? 1 : previous.getRevision() + 1;
            String reportId = "rpt-" + EventIds.random();
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < report.findings().size(); i++) {
                var f = report.findings().get(i);
                findings.add(Finding.newBuilder().setFindingId(reportId + "-f" + (i + 1)).setUnitId(f.unitId())
                        .setProblem(f.problem()).setDueDate(f.dueDate()).build());
            }
            event = ReportEvent.newBuilder()
                    .setEventId(EventIds.random().toString())
                    .setType(signer == null ? ReportEventType.SUBMITTED : ReportEventType.SIGNED_OFF)
                    .setReportId(reportId)
                    .setJurisdictionId(unit.getJurisdictionId())
                    .setUnitId(unit.getId())
                    .setDate(date)
                    .setRevision(revision)
                    .setZeroReport(report.zeroReport())
                    .setMetrics(new LinkedHashMap<>(report.metrics()))
                    .setNarrative(report.narrative())
                    .setFindings(findings)
                    .setSubmittedBy(actor.userId())
                    .setSubmittedAt(now)
                    .setSignedBy(signer == null ? null : actor.userId())
                    .setSignedAt(signer == null ? null : now)
                    .setSigner(signer)
                    .setLowered(lowered(figuresInForce(unit.getId(), date, previous), report.metrics()))
                    .setAfterCutoff(day.afterCutoff(date, now))
                    .setSourceAddress(source)
                    .setIdempotencyKey(idempotencyKey)
                    .build();
            written = write(unit.getId(), event);
        }
        return answered(written, actor, signer == null ? "REPORT_SUBMITTED" : "REPORT_SUBMITTED_AND_SIGNED", event,
                source);
    }

    public ReportReceipt signOff(RibaoPrincipal actor, String reportId, String source, Messages messages) {
        return outcome(signOffAsync(actor, reportId, source, messages, answerDeadline()));
    }

    /** Checks and sends a sign-off; like {@link #submitAsync}, the answer completes when the event is durable. */
    public CompletableFuture<ReportReceipt> signOffAsync(RibaoPrincipal actor, String reportId, String source,
                                                         Messages messages, AnswerDeadline due) {
        ReportEvent submitted = index.report(reportId);
        if (submitted == null) {
            throw ApiException.notFound(messages.get("report.notFound"));
        }
        Unit unit = roster.unit(submitted.getUnitId());
        LocalDate date = submitted.getDate();
        Signer signer = unit == null ? null : signerFor(actor, unit, date);
        if (signer == null) {
            refuse(actor, "UNAUTHORIZED_SIGN_OFF", reportId, source,
                    Map.of("unitId", submitted.getUnitId(), "date", date.toString()));
            throw ApiException.forbidden(messages.get("signoff.forbidden"));
        }
        ReportingDay day = dayOf(unit);
        Instant now = clock.instant();
        if (day.locked(date, now)) {
            throw ApiException.conflict("DAY_LOCKED", messages.get("day.locked", date, day.amendDays()));
        }
        checkDayIsHeld(day, date, messages);
        ReportEvent signed;
        CompletableFuture<Void> written;
        try (UnitWrites.Turn turn = unitWrites.take(unit.getId(), sendBy(due))) {
            ReportEvent current = index.report(reportId);
            if (current.getType() == ReportEventType.SIGNED_OFF) {
                if (actor.userId().equals(current.getSignedBy())) {
                    return CompletableFuture.completedFuture(receiptOf(current));
                }
                throw ApiException.conflict("ALREADY_SIGNED", messages.get("signoff.already", current.getSignedBy()));
            }
            ReportEvent latest = index.latestRevision(unit.getId(), date);
            if (latest != null && latest.getRevision() > current.getRevision()) {
                throw ApiException.conflict("SUPERSEDED", messages.get("signoff.superseded", latest.getRevision()));
            }
            signed = ReportEvent.newBuilder(current)
                    .setEventId(EventIds.random().toString())
                    .setType(ReportEventType.SIGNED_OFF)
                    .setSignedBy(actor.userId())
                    .setSignedAt(now)
                    .setSigner(signer)
                    .setAfterCutoff(day.afterCutoff(date, now))
                    .setSourceAddress(source)
                    .setIdempotencyKey(null)
                    .build();
            written = write(unit.getId(), signed);
        }
        return answered(written, actor, "REPORT_SIGNED_OFF", signed, source);
    }

    /** A write sent by then is settled (or can no longer land) by {@code due}, so a 503 at {@code due} is true. */
    private AnswerDeadline sendBy(AnswerDeadline due) {
        return due.less(journal.writeGivesUpWithin());
    }

    /** Once the write is settled: the audit record and the receipt, on {@code completions}. */
    private CompletableFuture<ReportReceipt> answered(CompletableFuture<Void> written, RibaoPrincipal actor,
                                                      String action, ReportEvent event, String source) {
        return written.thenApplyAsync(durable -> {
            accepted(actor, action, event, source);
            return receiptOf(event);
        }, completions);
    }

    /**
     * Sends within the unit's turn; the returned future completes once the write is settled. A write that failed may
     * still have landed (the broker wrote it but its acknowledgement was lost): it is read back with the other writes
     * that failed meanwhile ({@link ReadBackRounds}; the journal's I/O thread must not wait), and when that cannot
     * tell, the unit's revisions and idempotency keys are in doubt until the next write for the unit settles it first
     * (F6 in docs/reliability.md).
     */
    private CompletableFuture<Void> write(String unitId, ReportEvent event) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        unitWrites.sending(unitId, settled);
        journal.write(event).whenComplete((durable, failure) -> {
            if (failure == null) {
                index.apply(event);
                settle(unitId, settled, null, false);
            } else {
                RuntimeException cause = unwrap(failure);
                readBacks.add(new ReadBackRounds.FailedWrite(event, cause,
                        outcome -> settle(unitId, settled, afterReadBack(unitId, event, outcome, cause),
                                outcome != null)));
            }
        });
        return settled;
    }

    /** After a failed write was read back: null when the event landed after all, else the failure to answer with. */
    private RuntimeException afterReadBack(String unitId, ReportEvent event, RuntimeException outcome,
                                           RuntimeException failure) {
        if (outcome == null) {
            // the broker wrote it and only the acknowledgement was lost: it is durable, so it is accepted
            LOG.warn("report event {} of unit {} landed although its write failed ({}): accepted",
                    event.getEventId(), unitId, failure.toString());
            return null;
        }
        return outcome;
    }

    private void settle(String unitId, CompletableFuture<Void> settled, RuntimeException failure,
                        boolean leftInDoubt) {
        unitWrites.settled(unitId, settled, leftInDoubt);
        if (failure == null) {
            settled.complete(null);
        } else {
            settled.completeExceptionally(failure);
        }
    }

    /** The answer of a future, its failure thrown as it was raised. */
    private static <T> T outcome(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** The answer for an event, rebuilt the same way every time (so a retry gets the first answer again). */
    public ReportReceipt receiptOf(ReportEvent event) {
        Unit unit = roster.unit(event.getUnitId());
        ReportingDay day = unit == null ? null : dayOf(unit);
        boolean signed = event.getType() == ReportEventType.SIGNED_OFF;
        String timeliness = signed ? timelinessOf(event, day) : null;
        Instant received = signed ? event.getSignedAt() : event.getSubmittedAt();
        return new ReportReceipt(event.getReportId(), event.getUnitId(), event.getDate().toString(),
                event.getRevision(), signed ? SIGNED : PENDING_SIGNOFF, timeliness,
                day == null ? received.toString() : day.format(received));
    }

    /** A revision signed after the deadline keeps the day's original timeliness (DESIGN.md §4). */
    public String timelinessOf(ReportEvent event, ReportingDay day) {
        if (event.getType() != ReportEventType.SIGNED_OFF || day == null) {
            return null;
        }
        ReportEvent first = index.firstSigned(event.getUnitId(), event.getDate());
        Instant decisive = first != null && first.getSignedAt().isBefore(event.getSignedAt())
                ? first.getSignedAt() : event.getSignedAt();
        return day.timelinessOf(event.getDate(), decisive).name();
    }

    private void checkDayAcceptsReports(ReportingDay day, LocalDate date, Instant now, Messages messages) {
        if (day.notYetOpen(date, now)) {
            throw new ApiException(422, "DAY_NOT_OPEN", messages.get("day.notOpen", date),
                    List.of(new FieldError("date", messages.get("day.notOpen", date))));
        }
        if (day.locked(date, now)) {
            throw ApiException.conflict("DAY_LOCKED", messages.get("day.locked", date, day.amendDays()));
        }
        checkDayIsHeld(day, date, messages);
    }

    /**
     * A day a roster reload reopened (amendDays raised) beyond what this replica read back at its start has revisions
     * the index does not know: numbering a new one would repeat a number. It stays locked here until a restart reads
     * it back (decision 419).
     */
    private void checkDayIsHeld(ReportingDay day, LocalDate date, Messages messages) {
        if (!index.holdsDay(date, day.startOf(date))) {
            throw ApiException.conflict("DAY_LOCKED", messages.get("day.notHeld", date));
        }
    }

    private ReportingDay dayOf(Unit unit) {
        Jurisdiction jurisdiction = roster.jurisdiction(unit.getJurisdictionId());
        if (jurisdiction == null) {
            throw new IllegalStateException("unit " + unit.getId() + " names jurisdiction "
                    + unit.getJurisdictionId() + " which the roster does not have");
        }
        // the roster view replaces a jurisdiction's record when it changes, so the identity check is enough
        DayOfJurisdiction last = lastDay;
        if (last != null && last.jurisdiction() == jurisdiction) {
            return last.day();
        }
        ReportingDay day = ReportingDay.of(jurisdiction);
        lastDay = new DayOfJurisdiction(jurisdiction, day);
        return day;
    }

    private record DayOfJurisdiction(Jurisdiction jurisdiction, ReportingDay day) {
    }

    private volatile DayOfJurisdiction lastDay;

    /** Clerks, principals and delegates act only for their own unit; nobody else files reports. */
    static boolean mayReportFor(RibaoPrincipal actor, Unit unit) {
        return (actor.role() == Role.CLERK || actor.role() == Role.PRINCIPAL || actor.role() == Role.DELEGATE)
                && actor.belongsTo(unit.getId());
    }

    /** PRINCIPAL for the unit's principal, DELEGATE for its delegate on a granted date, else null (may not sign). */
    private Signer signerFor(RibaoPrincipal actor, Unit unit, LocalDate date) {
        if (!actor.belongsTo(unit.getId())) {
            return null;
        }
        if (actor.role() == Role.PRINCIPAL) {
            return Signer.PRINCIPAL;
        }
        if (actor.role() == Role.DELEGATE) {
            User user = roster.user(actor.userId());
            if (user != null && user.getDelegateDates().contains(date)) {
                return Signer.DELEGATE;
            }
        }
        return null;
    }

    /**
     * What a new revision's lowered numbers are measured against: the day's latest signed revision, whose figures are
     * the ones in force; before any signature, the previous revision (decisions 402, 424). So a lowering first filed
     * as a draft is still marked on the revision that is signed, and a draft's typo put right is not.
     */
    private ReportEvent figuresInForce(String unitId, LocalDate date, ReportEvent previous) {
        ReportEvent signed = index.latestSigned(unitId, date);
        return signed != null ? signed : previous;
    }

    /**
     * A supervision team reports on units of its own jurisdiction: another county's unit is unknown to it, as it is to
     * the roster that team belongs to (its finding would reach that county's office and overdue alerts, decision 432).
     */
    private void requireFindingsInTheJurisdiction(ValidatedReport report, Unit unit, Messages messages) {
        for (int i = 0; i < report.findings().size(); i++) {
            String findingUnitId = report.findings().get(i).unitId();
            Unit named = roster.unit(findingUnitId);
            if (named != null && !unit.getJurisdictionId().equals(named.getJurisdictionId())) {
                throw ApiException.invalid("findings[" + i + "].unitId",
                        messages.get("unit.unknown", shorten(findingUnitId)));
            }
        }
    }

    /** The metrics of {@code previous} that {@code metrics} lowers (a missing metric counts as 0). */
    public static List<MetricChange> lowered(ReportEvent previous, Map<String, Long> metrics) {
        List<MetricChange> changes = new ArrayList<>();
        if (previous == null) {
            return changes;
        }
        for (Map.Entry<String, Long> before : previous.getMetrics().entrySet()) {
            Long after = metrics.get(before.getKey());
            long to = after == null ? 0 : after;
            if (to < before.getValue()) {
                changes.add(MetricChange.newBuilder().setCode(before.getKey()).setFrom(before.getValue()).setTo(to).build());
            }
        }
        return changes;
    }

    private void refuse(RibaoPrincipal actor, String action, String target, String source, Map<String, String> detail) {
        // a refused attempt is the evidence of 私自上报: it must be on record before we answer 403
        audit.record(auditRecords.of(actor, action, target, AuditRecords.REFUSED, source, detail));
    }

    private void accepted(RibaoPrincipal actor, String action, ReportEvent event, String source) {
        try {
            audit.recordAccepted(auditRecords.of(actor, action, event.getReportId(), AuditRecords.ACCEPTED, source, Map.of(
                    "unitId", event.getUnitId(), "date", event.getDate().toString(),
                    "revision", String.valueOf(event.getRevision()), "eventId", event.getEventId())));
        } catch (RuntimeException e) {
            // the report itself is durable and answered; the report event carries who, when and from where as well
            LOG.error("audit record of {} for report {} not written: {}", action, event.getReportId(), e.toString());
        }
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
