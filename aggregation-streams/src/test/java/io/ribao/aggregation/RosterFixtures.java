package io.ribao.aggregation;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.QualityRules;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Roster records and report events for tests: a county with the deadlines of DESIGN.md §4. */
public final class RosterFixtures {

    public static final String COUNTY = "demo-county";
    public static final String ZONE = "Asia/Shanghai";

    private RosterFixtures() {
    }

    public static Jurisdiction.Builder jurisdiction() {
        return Jurisdiction.newBuilder()
                .setId(COUNTY)
                .setName("示例县")
                .setTimezone(ZONE)
                .setOffice("县疫情防控指挥部办公室")
                .setReminder("15:30:00")
                .setSubmission("16:30:00")
                .setBulletin("18:00:00")
                .setAmendDays(3)
                .setQuality(QualityRules.newBuilder().build())
                .setOfficeUserIds(List.of("u-office"))
                .setBulletinRecipientIds(List.of("u-leader-1", "u-leader-2"));
    }

    public static Unit.Builder unit(String id) {
        return Unit.newBuilder()
                .setId(id)
                .setJurisdictionId(COUNTY)
                .setName(id.equals("twn-tianbao") ? "天保镇" : id)
                .setKind(UnitKind.TOWNSHIP)
                .setParentId(COUNTY)
                .setAncestorIds(List.of(COUNTY))
                .setFormId("township-daily")
                .setPrincipalId("p-" + id)
                .setSupervisorIds(List.of("s-" + id))
                .setActiveFrom(LocalDate.of(2026, 1, 1));
    }

    /** A revision; signed when {@code signedAt} is not null (a principal's own submission is signed at once). */
    public static ReportEvent report(String unitId, LocalDate date, int revision, Instant submittedAt, Instant signedAt,
                                     Map<String, Long> metrics) {
        return ReportEvent.newBuilder()
                .setEventId(unitId + "/" + date + "/" + revision + (signedAt == null ? "/s" : "/o"))
                .setType(signedAt == null ? ReportEventType.SUBMITTED : ReportEventType.SIGNED_OFF)
                .setReportId("r-" + unitId + "-" + date)
                .setJurisdictionId(COUNTY)
                .setUnitId(unitId)
                .setDate(date)
                .setRevision(revision)
                .setZeroReport(metrics.values().stream().allMatch(v -> v == 0))
                .setMetrics(new HashMap<>(metrics))
                .setSubmittedBy("c-" + unitId)
                .setSubmittedAt(submittedAt)
                .setSignedBy(signedAt == null ? null : "p-" + unitId)
                .setSignedAt(signedAt)
                .setSigner(signedAt == null ? null : Signer.PRINCIPAL)
                .build();
    }
}
