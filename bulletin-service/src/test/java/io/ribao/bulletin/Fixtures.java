package io.ribao.bulletin;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.roster.Channel;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.QualityRules;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.roster.User;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small county: 示例县 with 天保镇 (and its checkpoint) and 卫健局, and the people around them. */
public final class Fixtures {

    public static final String COUNTY = "demo-county";
    public static final LocalDate DAY = LocalDate.parse("2026-03-02");
    public static final Instant DEADLINE = Instant.parse("2026-03-02T08:30:00Z");

    private Fixtures() {
    }

    public static Jurisdiction jurisdiction() {
        return Jurisdiction.newBuilder().setId(COUNTY).setName("示例县").setTimezone("Asia/Shanghai")
                .setOffice("县疫情防控指挥部办公室").setReminder("15:30:00").setSubmission("16:30:00")
                .setBulletin("18:00:00").setAmendDays(3).setQuality(QualityRules.newBuilder().build())
                .setOfficeUserIds(List.of("u-office-1")).setBulletinRecipientIds(List.of("u-leader-1"))
                .build();
    }

    public static Unit unit(String id, String name, UnitKind kind, String parent, String principal,
                            List<String> supervisors) {
        return Unit.newBuilder().setId(id).setJurisdictionId(COUNTY).setName(name).setKind(kind)
                .setParentId(parent).setAncestorIds(parent == null ? List.of() : ancestors(parent))
                .setPrincipalId(principal).setSupervisorIds(supervisors)
                .setActiveFrom(LocalDate.parse("2026-01-01")).build();
    }

    private static List<String> ancestors(String parent) {
        return parent.equals("county") ? List.of("county") : List.of("county", parent);
    }

    public static List<Unit> units() {
        return List.of(
                unit("county", "示例县", UnitKind.COUNTY, null, "u-county-sj", List.of()),
                unit("twn-tianbao", "天保镇", UnitKind.TOWNSHIP, "county", "u-tianbao-sj", List.of("u-dc-07")),
                unit("cp-tianbao-port", "天保口岸卡点", UnitKind.CHECKPOINT, "twn-tianbao", "u-port-sj",
                        List.of("u-dc-07")),
                unit("dep-health", "卫健局", UnitKind.DEPARTMENT, "county", "u-health-sj", List.of()));
    }

    /** A report form with its metrics in order, each given as a code and its Chinese name. */
    public static Form form(String id, String name, String... codesAndNames) {
        List<MetricDefinition> metrics = new ArrayList<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            metrics.add(MetricDefinition.newBuilder().setCode(codesAndNames[i]).setName(codesAndNames[i + 1])
                    .build());
        }
        return Form.newBuilder().setId(id).setName(name).setMetrics(metrics).build();
    }

    public static User user(String id, String name, Role role, String unitId, List<Channel> channels) {
        return User.newBuilder().setId(id).setJurisdictionId(COUNTY).setName(name).setRole(role).setUnitId(unitId)
                .setTokenSha256(io.ribao.kit.auth.TokenDigest.sha256Hex("token-" + id)).setChannels(channels)
                .build();
    }

    public static List<User> users() {
        return List.of(
                user("u-county-sj", "赵县长", Role.PRINCIPAL, "county", List.of()),
                user("u-tianbao-sj", "李四", Role.PRINCIPAL, "twn-tianbao", List.of()),
                user("u-tianbao-clerk", "王五", Role.CLERK, "twn-tianbao", List.of()),
                user("u-port-sj", "张三", Role.PRINCIPAL, "cp-tianbao-port", List.of()),
                user("u-health-sj", "陈六", Role.PRINCIPAL, "dep-health", List.of()),
                user("u-dc-07", "督查七组", Role.SUPERVISOR, null, List.of()),
                user("u-office-1", "办公室", Role.OFFICE, null, List.of()),
                user("u-director", "指挥长", Role.DIRECTOR, null, List.of()),
                user("u-leader-1", "县领导", Role.LEADER, null, List.of()));
    }

    /** The bearer token a test user presents (its SHA-256 is what the roster holds). */
    public static String tokenOf(String userId) {
        return "token-" + userId;
    }

    public static UnitDayStatus status(String unitId, UnitDayState state, Instant updatedAt) {
        boolean signed = state == UnitDayState.ON_TIME || state == UnitDayState.LATE;
        return UnitDayStatus.newBuilder().setUnitId(unitId).setJurisdictionId(COUNTY).setDate(DAY).setState(state)
                .setReportId(signed ? "r-" + unitId : null).setRevision(signed ? 1 : 0)
                .setSignedRevision(signed ? 1 : 0).setMetrics(signed ? Map.of("persons_registered", 12L) : Map.of())
                .setSubmittedAt(signed ? DEADLINE.minusSeconds(600) : null)
                .setSignedAt(signed ? DEADLINE.minusSeconds(300) : null)
                .setUpdatedAt(updatedAt).build();
    }

    public static AlertEvent alert(AlertType type, String unitId, AlertState state, Instant at,
                                   List<String> recipients) {
        return AlertEvent.newBuilder().setAlertId(type + "|" + unitId + "|" + DAY + "|" + type.name().toLowerCase())
                .setType(type).setState(state).setSeverity(Severity.WARNING).setJurisdictionId(COUNTY)
                .setUnitId(unitId).setDate(DAY).setRuleId(type.name().toLowerCase())
                .setMessage("天保镇未按时报送").setEvidence(Map.of("deadline", "16:30"))
                .setRecipients(recipients).setAt(at).build();
    }
}
