package io.ribao.ingest.core;

import io.ribao.ingest.api.RevisionView;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revisions of a unit's reports, for those who may read them: its own people, its supervisors, and the office,
 * director and leaders of its jurisdiction (decision 432).
 */
public final class ReportHistory {

    private static final Set<Role> READ_ALL = Set.of(Role.OFFICE, Role.DIRECTOR, Role.LEADER);

    private final RosterView roster;
    private final ReportIndex index;
    private final ReportIntake intake;

    public ReportHistory(RosterView roster, ReportIndex index, ReportIntake intake) {
        this.roster = roster;
        this.index = index;
        this.intake = intake;
    }

    public List<RevisionView> revisions(RibaoPrincipal actor, String unitId, String date, Messages messages) {
        if (unitId == null || unitId.isBlank()) {
            throw ApiException.invalid("unitId", messages.get("field.required"));
        }
        Unit unit = roster.unit(unitId);
        if (unit == null) {
            throw ApiException.notFound(messages.get("unit.unknown", unitId.length() > 64 ? unitId.substring(0, 64) : unitId));
        }
        if (!mayRead(actor, unit)) {
            throw ApiException.forbidden(messages.get("reports.forbidden"));
        }
        List<ReportEvent> events = date == null || date.isBlank()
                ? index.revisions(unitId)
                : index.revisions(unitId, ReportValidator.parseDate("date", date, messages));
        Jurisdiction jurisdiction = roster.jurisdiction(unit.getJurisdictionId());
        ReportingDay day = jurisdiction == null ? null : ReportingDay.of(jurisdiction);
        return events.stream().map(e -> view(e, day)).toList();
    }

    boolean mayRead(RibaoPrincipal actor, Unit unit) {
        if (actor.belongsTo(unit.getId())) {
            return true;
        }
        if (READ_ALL.contains(actor.role())) {
            return actor.jurisdictionId() == null || actor.jurisdictionId().equals(unit.getJurisdictionId());
        }
        if (unit.getSupervisorIds().contains(actor.userId())) {
            return true;
        }
        for (String ancestorId : unit.getAncestorIds()) {
            Unit ancestor = roster.unit(ancestorId);
            if (ancestor != null && ancestor.getSupervisorIds().contains(actor.userId())) {
                return true;
            }
        }
        return false;
    }

    private RevisionView view(ReportEvent e, ReportingDay day) {
        boolean signed = e.getType() == ReportEventType.SIGNED_OFF;
        return new RevisionView(e.getReportId(), e.getUnitId(), e.getDate().toString(), e.getRevision(),
                signed ? ReportIntake.SIGNED : ReportIntake.PENDING_SIGNOFF, intake.timelinessOf(e, day),
                e.getZeroReport(), Map.copyOf(e.getMetrics()), e.getNarrative(),
                e.getFindings().stream().map(f -> new RevisionView.FindingView(f.getFindingId(), f.getUnitId(),
                        f.getProblem(), f.getDueDate() == null ? null : f.getDueDate().toString())).toList(),
                e.getSubmittedBy(), format(day, e.getSubmittedAt()), e.getSignedBy(), format(day, e.getSignedAt()),
                e.getSigner() == null ? null : e.getSigner().name(),
                e.getLowered().stream().map(c -> new RevisionView.MetricChangeView(c.getCode(), c.getFrom(), c.getTo()))
                        .toList(),
                e.getAfterCutoff());
    }

    private static String format(ReportingDay day, java.time.Instant instant) {
        if (instant == null) {
            return null;
        }
        return day == null ? instant.toString() : day.format(instant);
    }
}
