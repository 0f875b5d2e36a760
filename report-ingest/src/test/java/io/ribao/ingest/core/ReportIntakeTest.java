package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.MutableClock;
import io.ribao.ingest.api.FindingRequest;
import io.ribao.ingest.api.ReportReceipt;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.ingest.roster.Roster;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.auth.TokenAuthenticator;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.error.FieldError;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.audit.AuditEvent;
import io.ribao.schemas.report.MetricChange;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportIntakeTest {

    private final RosterView roster = DemoRoster.view();
    private final MutableClock clock = MutableClock.atShanghai("2026-03-14T10:00:00");
    private final List<ReportEvent> journal = new ArrayList<>();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final ReportIndex index = new ReportIndex();
    private final ReportIntake intake = new ReportIntake(roster, index, journal::add, audit::add, clock);
    private final Messages messages = Messages.english();

    private RibaoPrincipal user(String id) {
        return TokenAuthenticator.principalOf(roster.user(id));
    }

    private static ReportRequest township(String date, long samples, long tested) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Map<String, JsonNode> metrics = Map.of("key_persons_screened", json.numberNode(12),
                "risk_area_arrivals", json.numberNode(3), "centralized_isolation", json.numberNode(2),
                "home_isolation", json.numberNode(5), "nucleic_samples", json.numberNode(samples),
                "nucleic_tested", json.numberNode(tested), "vaccine_doses", json.numberNode(640));
        return new ReportRequest("twn-tianbao", date, false, metrics, null, null);
    }

    private static ReportRequest zero(String unitId, String date) {
        return new ReportRequest(unitId, date, true, null, null, null);
    }

    @Test
    void aUnitSuspendedFromTodayMayStillAmendTheDaysBeforeButNotReportToday() {
        Roster demo = DemoRoster.roster();
        List<Unit> units = demo.units().stream().map(u -> !u.getId().equals("twn-tianbao") ? u
                : Unit.newBuilder(u).setSuspended(true).setSuspendedFrom(LocalDate.parse("2026-03-14")).build())
                .toList();
        RosterView suspended = RosterView.fixed(List.of(demo.jurisdiction()), units, demo.forms(), demo.users());
        ReportIntake intake = new ReportIntake(suspended, index, journal::add, audit::add, clock);

        ReportReceipt amended = intake.submit(user("u-tianbao-sj"), zero("twn-tianbao", "2026-03-13"), null, "ip",
                messages);

        assertThat(amended.status()).isEqualTo("SIGNED");
        assertThatThrownBy(() -> intake.submit(user("u-tianbao-sj"), zero("twn-tianbao", "2026-03-14"), null, "ip",
                messages)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo("UNIT_INACTIVE"));
        assertThat(journal).hasSize(1);
    }

    @Test
    void clerkSubmissionAwaitsSignOff() {
        ReportReceipt receipt = intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 300, 280), null, "10.0.0.1",
                messages);

        assertThat(receipt.status()).isEqualTo("PENDING_SIGNOFF");
        assertThat(receipt.timeliness()).isNull();
        assertThat(receipt.revision()).isEqualTo(1);
        assertThat(receipt.receivedAt()).isEqualTo("2026-03-14T10:00:00+08:00");
        assertThat(journal).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(ReportEventType.SUBMITTED);
            assertThat(e.getSubmittedBy()).isEqualTo("u-tianbao-clerk");
            assertThat(e.getSourceAddress()).isEqualTo("10.0.0.1");
        });
        assertThat(audit).singleElement().satisfies(a -> assertThat(a.getAction()).isEqualTo("REPORT_SUBMITTED"));
    }

    @Test
    void principalsOwnSubmissionIsSignedAtOnce() {
        ReportReceipt receipt = intake.submit(user("u-tianbao-sj"), zero("twn-tianbao", "2026-03-14"), null, "ip",
                messages);

        assertThat(receipt.status()).isEqualTo("SIGNED");
        assertThat(receipt.timeliness()).isEqualTo("ON_TIME");
        assertThat(journal).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(ReportEventType.SIGNED_OFF);
            assertThat(e.getSigner()).isEqualTo(Signer.PRINCIPAL);
            assertThat(e.getZeroReport()).isTrue();
            assertThat(e.getMetrics()).hasSize(7).allSatisfy((k, v) -> assertThat(v).isZero());
        });
    }

    @Test
    void revisionLoweringANumberIsMarked() {
        intake.submit(user("u-tianbao-sj"), township("2026-03-14", 300, 250), null, "ip", messages);

        ReportReceipt second = intake.submit(user("u-tianbao-sj"), township("2026-03-14", 250, 250), null, "ip",
                messages);

        assertThat(second.revision()).isEqualTo(2);
        assertThat(journal.get(1).getLowered()).containsExactly(
                MetricChange.newBuilder().setCode("nucleic_samples").setFrom(300).setTo(250).build());
    }

    @Test
    void aLoweringFirstFiledAsADraftIsMarkedOnTheRevisionThatIsSigned() {
        intake.submit(user("u-tianbao-sj"), township("2026-03-14", 300, 250), null, "ip", messages);
        intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 250, 250), null, "ip", messages);

        // the same figures again, then signed: the figure in force goes from 300 to 250
        ReportReceipt third = intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 250, 250), null, "ip",
                messages);
        intake.signOff(user("u-tianbao-sj"), third.reportId(), "ip", messages);

        assertThat(journal.get(2).getLowered()).containsExactly(
                MetricChange.newBuilder().setCode("nucleic_samples").setFrom(300).setTo(250).build());
        assertThat(journal.get(3).getType()).isEqualTo(ReportEventType.SIGNED_OFF);
        assertThat(journal.get(3).getLowered()).isEqualTo(journal.get(2).getLowered());
    }

    @Test
    void aDraftsTypoPutBackToTheSignedFigureIsNotMarked() {
        intake.submit(user("u-tianbao-sj"), township("2026-03-14", 300, 250), null, "ip", messages);
        intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 3000, 250), null, "ip", messages);

        intake.submit(user("u-tianbao-sj"), township("2026-03-14", 300, 250), null, "ip", messages);

        assertThat(journal.get(2).getLowered()).isEmpty();
    }

    @Test
    void aSupervisionTeamsFindingOnAnotherJurisdictionsUnitIsRefusedByNameAndWritesNothing() {
        Roster demo = DemoRoster.roster();
        List<Unit> units = new ArrayList<>(demo.units());
        units.add(Unit.newBuilder(roster.unit("twn-tianbao")).setId("twn-elsewhere").setJurisdictionId("other-county")
                .setParentId(null).setAncestorIds(List.of()).build());
        RosterView twoCounties = RosterView.fixed(List.of(demo.jurisdiction()), units, demo.forms(), demo.users());
        ReportIntake intake = new ReportIntake(twoCounties, index, journal::add, audit::add, clock);
        JsonNodeFactory json = JsonNodeFactory.instance;
        ReportRequest request = new ReportRequest("sup-tianbao", "2026-03-14", false, Map.of(
                "inspections", json.numberNode(4), "problems_found", json.numberNode(1),
                "problems_rectified", json.numberNode(0)), null,
                List.of(new FindingRequest("twn-elsewhere", "登记不全", "2026-03-16")));

        assertThatThrownBy(() -> intake.submit(user("u-sup-tianbao-zz"), request, null, "ip", messages))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("findings[0].unitId");
                });
        assertThat(journal).isEmpty();
    }

    @Test
    void retryWithTheSameKeyReturnsTheFirstAnswerAndWritesNothing() {
        ReportReceipt first = intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 300, 280), "k-1", "ip",
                messages);
        clock.advance(java.time.Duration.ofMinutes(1));

        ReportReceipt retry = intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 300, 280), "k-1", "ip",
                messages);

        assertThat(retry).isEqualTo(first);
        assertThat(journal).hasSize(1);
    }

    @Test
    void reportForAnotherUnitIsRefusedAndAudited() {
        assertThatThrownBy(() -> intake.submit(user("u-tianbao-clerk"), zero("twn-donggan", "2026-03-14"), null,
                "203.0.113.9 via 10.0.0.2", messages))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));

        assertThat(journal).isEmpty();
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.getAction()).isEqualTo("UNAUTHORIZED_REPORT");
            assertThat(a.getOutcome()).isEqualTo("REFUSED");
            assertThat(a.getActor()).isEqualTo("u-tianbao-clerk");
            assertThat(a.getTarget()).isEqualTo("twn-donggan");
            assertThat(a.getSourceAddress()).isEqualTo("203.0.113.9 via 10.0.0.2");
        });
    }

    @Test
    void officeMayNotFileReports() {
        assertThatThrownBy(() -> intake.submit(user("u-office-1"), zero("twn-tianbao", "2026-03-14"), null, "ip",
                messages)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(journal).isEmpty();
    }

    @Test
    void tomorrowIsNotOpenAndOldDaysAreLocked() {
        assertThatThrownBy(() -> intake.submit(user("u-tianbao-sj"), zero("twn-tianbao", "2026-03-15"), null, "ip",
                messages)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("DAY_NOT_OPEN");
                });
        assertThatThrownBy(() -> intake.submit(user("u-tianbao-sj"), zero("twn-tianbao", "2026-03-10"), null, "ip",
                messages)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("DAY_LOCKED");
                });
        ReportReceipt stillOpen = intake.submit(user("u-tianbao-sj"), zero("twn-tianbao", "2026-03-11"), null, "ip",
                messages);
        assertThat(stillOpen.timeliness()).isEqualTo("LATE");
        assertThat(journal).hasSize(1);
    }

    @Test
    void signOffAfterTheDeadlineIsLateAndOnlyTheUnitsSignersMaySign() {
        ReportReceipt submitted = intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 300, 280), null, "ip",
                messages);
        clock.setShanghai("2026-03-14T16:45:00");

        assertThatThrownBy(() -> intake.signOff(user("u-tianbao-clerk"), submitted.reportId(), "ip", messages))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> intake.signOff(user("u-donggan-sj"), submitted.reportId(), "ip", messages))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        ReportReceipt signed = intake.signOff(user("u-tianbao-sj"), submitted.reportId(), "ip", messages);

        assertThat(signed.status()).isEqualTo("SIGNED");
        assertThat(signed.timeliness()).isEqualTo("LATE");
        assertThat(signed.reportId()).isEqualTo(submitted.reportId());
        assertThat(journal).extracting(ReportEvent::getType)
                .containsExactly(ReportEventType.SUBMITTED, ReportEventType.SIGNED_OFF);
        assertThat(audit).extracting(AuditEvent::getAction).contains("UNAUTHORIZED_SIGN_OFF", "REPORT_SIGNED_OFF");
    }

    @Test
    void delegateSignsOnlyOnGrantedDates() {
        ReportReceipt granted = intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 300, 280), null, "ip",
                messages);
        ReportReceipt signed = intake.signOff(user("u-tianbao-fz"), granted.reportId(), "ip", messages);
        assertThat(signed.status()).isEqualTo("SIGNED");
        assertThat(journal.get(1).getSigner()).isEqualTo(Signer.DELEGATE);

        ReportReceipt notGranted = intake.submit(user("u-tianbao-clerk"), township("2026-03-13", 300, 280), null, "ip",
                messages);
        assertThatThrownBy(() -> intake.signOff(user("u-tianbao-fz"), notGranted.reportId(), "ip", messages))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void olderRevisionCannotBeSignedOnceANewerExists() {
        ReportReceipt first = intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 300, 280), null, "ip",
                messages);
        intake.submit(user("u-tianbao-clerk"), township("2026-03-14", 310, 280), null, "ip", messages);

        assertThatThrownBy(() -> intake.signOff(user("u-tianbao-sj"), first.reportId(), "ip", messages))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("SUPERSEDED"));
    }

    @Test
    void revisionSignedAfterTheDeadlineKeepsTheDaysOnTimeTimeliness() {
        intake.submit(user("u-tianbao-sj"), township("2026-03-14", 300, 280), null, "ip", messages);
        clock.setShanghai("2026-03-14T19:00:00");

        ReportReceipt revision = intake.submit(user("u-tianbao-sj"), township("2026-03-14", 320, 300), null, "ip",
                messages);

        assertThat(revision.timeliness()).isEqualTo("ON_TIME");
        assertThat(journal.get(1).getAfterCutoff()).isTrue();
    }

    @Test
    void unknownReportIs404() {
        assertThatThrownBy(() -> intake.signOff(user("u-tianbao-sj"), "rpt-nope", "ip", messages))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
