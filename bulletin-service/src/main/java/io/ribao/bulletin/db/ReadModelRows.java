package io.ribao.bulletin.db;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.report.Finding;
import io.ribao.schemas.report.MetricChange;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.rollup.Completeness;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Channel;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Avro records flattened into the columns of the read-model tables. */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    public record JurisdictionRow(String id, String name, String timezone, String office,
                                  String[] bulletinRecipientIds, String[] officeUserIds, String upstreamJson,
                                  String rawJson) {
        public static JurisdictionRow of(Jurisdiction j) {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("id", j.getId());
            raw.put("name", j.getName());
            raw.put("timezone", j.getTimezone());
            raw.put("office", j.getOffice());
            raw.put("reminder", j.getReminder());
            raw.put("submission", j.getSubmission());
            raw.put("bulletin", j.getBulletin());
            raw.put("amendDays", j.getAmendDays());
            raw.put("officeUserIds", j.getOfficeUserIds());
            raw.put("bulletinRecipientIds", j.getBulletinRecipientIds());
            raw.put("upstream", channel(j.getUpstream()));
            raw.put("version", j.getVersion());
            return new JurisdictionRow(j.getId(), j.getName(), j.getTimezone(), j.getOffice(),
                    array(j.getBulletinRecipientIds()), array(j.getOfficeUserIds()),
                    j.getUpstream() == null ? null : JsonColumns.write(channel(j.getUpstream())),
                    JsonColumns.write(raw));
        }
    }

    public record UnitRow(String id, String jurisdictionId, String name, String kind, String parentId,
                          String principalId, String[] supervisorIds, LocalDate activeFrom, LocalDate activeTo,
                          boolean suspended, LocalDate suspendedFrom, String[] ancestorIds) {
        public static UnitRow of(Unit u) {
            return new UnitRow(u.getId(), u.getJurisdictionId(), u.getName(), u.getKind().name(), u.getParentId(),
                    u.getPrincipalId(), array(u.getSupervisorIds()), u.getActiveFrom(), u.getActiveTo(),
                    u.getSuspended(), u.getSuspendedFrom(), array(u.getAncestorIds()));
        }
    }

    /** One metric of a form, at its position (from 0) in the form. */
    public record FormMetricRow(String formId, int position, String code, String name) {
        public static List<FormMetricRow> of(Form f) {
            List<FormMetricRow> rows = new ArrayList<>();
            for (MetricDefinition m : f.getMetrics()) {
                rows.add(new FormMetricRow(f.getId(), rows.size(), m.getCode(), m.getName()));
            }
            return rows;
        }
    }

    public record UserRow(String id, String name, String role, String unitId, String jurisdictionId,
                          String channelsJson) {
        public static UserRow of(User u) {
            return new UserRow(u.getId(), u.getName(), u.getRole().name(), u.getUnitId(), u.getJurisdictionId(),
                    JsonColumns.write(u.getChannels().stream().map(ReadModelRows::channel).toList()));
        }
    }

    public record StatusRow(String unitId, LocalDate day, String jurisdictionId, String state, String reportId,
                            int revision, int signedRevision, boolean zeroReport, String metricsJson,
                            Instant submittedAt, Instant signedAt, String signedBy, String signer, boolean unsigned,
                            boolean afterCutoff, boolean revisedAfterDeadline, boolean locked, Instant updatedAt) {
        public static StatusRow of(UnitDayStatus s) {
            return new StatusRow(s.getUnitId(), s.getDate(), s.getJurisdictionId(), s.getState().name(),
                    s.getReportId(), s.getRevision(), s.getSignedRevision(), s.getZeroReport(),
                    JsonColumns.write(new TreeMap<>(s.getMetrics())), s.getSubmittedAt(), s.getSignedAt(),
                    s.getSignedBy(), s.getSigner() == null ? null : s.getSigner().name(), s.getUnsigned(),
                    s.getAfterCutoff(), s.getRevisedAfterDeadline(), s.getLocked(), s.getUpdatedAt());
        }
    }

    public record RollupRow(String nodeId, LocalDate day, String jurisdictionId, String metricsJson, int expected,
                            int onTime, int late, int missing, int pendingSignoff, int unsigned, int zeroReports,
                            String targetsJson, int targetsMet, int targetsMissed, Instant updatedAt) {
        public static RollupRow of(Rollup r) {
            Completeness c = r.getCompleteness();
            return new RollupRow(r.getNodeId(), r.getDate(), r.getJurisdictionId(),
                    JsonColumns.write(new TreeMap<>(r.getMetrics())), c.getExpected(), c.getOnTime(), c.getLate(),
                    c.getMissing(), c.getPendingSignoff(), c.getUnsigned(), c.getZeroReports(),
                    JsonColumns.write(new TreeMap<>(r.getTargets())), r.getTargetsMet(), r.getTargetsMissed(),
                    r.getUpdatedAt());
        }
    }

    public record AlertRow(String alertId, String type, String severity, String jurisdictionId, String unitId,
                           LocalDate day, String ruleId, String message, String evidenceJson, String[] recipients,
                           Instant at) {
        public static AlertRow of(AlertEvent a) {
            return new AlertRow(a.getAlertId(), a.getType().name(), a.getSeverity().name(), a.getJurisdictionId(),
                    a.getUnitId(), a.getDate(), a.getRuleId(), a.getMessage(),
                    JsonColumns.write(new TreeMap<>(a.getEvidence())), array(a.getRecipients()), a.getAt());
        }
    }

    public record DayClosedRow(String jurisdictionId, LocalDate day, Instant closedAt, String unitsJson, int part,
                               int parts) {
        public static DayClosedRow of(DayClosed d) {
            List<Map<String, Object>> units = d.getUnits().stream().map(u -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unitId", u.getUnitId());
                m.put("state", u.getState().name());
                m.put("reportId", u.getReportId());
                m.put("revision", u.getRevision());
                m.put("signedRevision", u.getSignedRevision());
                m.put("zeroReport", u.getZeroReport());
                m.put("metrics", new TreeMap<>(u.getMetrics()));
                m.put("submittedAt", u.getSubmittedAt() == null ? null : u.getSubmittedAt().toString());
                m.put("signedAt", u.getSignedAt() == null ? null : u.getSignedAt().toString());
                m.put("signedBy", u.getSignedBy());
                m.put("signer", u.getSigner() == null ? null : u.getSigner().name());
                m.put("unsigned", u.getUnsigned());
                m.put("afterCutoff", u.getAfterCutoff());
                m.put("revisedAfterDeadline", u.getRevisedAfterDeadline());
                return m;
            }).toList();
            return new DayClosedRow(d.getJurisdictionId(), d.getDate(), d.getClosedAt(), JsonColumns.write(units),
                    d.getPartition(), d.getPartitions());
        }
    }

    public record RevisionRow(String reportId, int revision, String eventType, String eventId,
                              String jurisdictionId, String unitId, LocalDate day, boolean zeroReport,
                              String metricsJson, String narrative, String submittedBy, Instant submittedAt,
                              String signedBy, Instant signedAt, String signer, String loweredJson,
                              boolean afterCutoff, String sourceAddress) {
        public static RevisionRow of(ReportEvent r) {
            List<Map<String, Object>> lowered = r.getLowered().stream()
                    .map(ReadModelRows::change).toList();
            return new RevisionRow(r.getReportId(), r.getRevision(), r.getType().name(), r.getEventId(),
                    r.getJurisdictionId(), r.getUnitId(), r.getDate(), r.getZeroReport(),
                    JsonColumns.write(new TreeMap<>(r.getMetrics())), r.getNarrative(), r.getSubmittedBy(),
                    r.getSubmittedAt(), r.getSignedBy(), r.getSignedAt(),
                    r.getSigner() == null ? null : r.getSigner().name(), JsonColumns.write(lowered),
                    r.getAfterCutoff(), r.getSourceAddress());
        }
    }

    /** A supervision finding, reported by the supervision team's unit about the unit it inspected. */
    public record FindingRow(String findingId, String reportedByUnitId, String unitId, LocalDate day,
                             String problem, LocalDate dueDate) {
        public static FindingRow of(ReportEvent report, Finding f) {
            return new FindingRow(f.getFindingId(), report.getUnitId(), f.getUnitId(), report.getDate(),
                    f.getProblem(), f.getDueDate());
        }
    }

    static Map<String, Object> channel(Channel c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.getType());
        m.put("url", c.getUrl());
        m.put("to", c.getTo());
        m.put("format", c.getFormat());
        return m;
    }

    private static Map<String, Object> change(MetricChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.getCode());
        m.put("from", c.getFrom());
        m.put("to", c.getTo());
        return m;
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }
}
