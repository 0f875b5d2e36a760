package io.ribao.aggregation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.report.MetricChange;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DownwardRevisionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Instant AT = Instant.parse("2026-03-10T08:00:00Z");

    private final DownwardRevision rule = new DownwardRevision(
            new MetricNames(Map.of("persons_isolated", "转运隔离人数")));

    @Test
    void aSignedRevisionLoweringANumberIsSuspectedNamingWhoAndFromWhatToWhat() {
        // given revision 2, drafted by the clerk and signed by the principal, lowers persons_isolated 12 → 8
        ReportEvent event = revision(ReportEventType.SIGNED_OFF, List.of(new MetricChange("persons_isolated", 12L, 8L)));

        // when
        List<RuleFinding> findings = rule.evaluate(event);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.CONCEALMENT_SUSPECTED);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.ruleId()).isEqualTo("downward-revision");
            assertThat(f.alertId()).isEqualTo("CONCEALMENT_SUSPECTED:cp-port:2026-03-10:downward-revision");
            assertThat(f.evidence())
                    .containsEntry("revision", "2")
                    .containsEntry("submittedBy", "u-port-clerk")
                    .containsEntry("signedBy", "u-port-chief")
                    .containsEntry("persons_isolated.from", "12")
                    .containsEntry("persons_isolated.to", "8");
            assertThat(f.message()).contains("转运隔离人数 12 → 8").contains("u-port-chief");
        });
    }

    @Test
    void aRevisionThatLowersNothingIsFine() {
        assertThat(rule.evaluate(revision(ReportEventType.SIGNED_OFF, List.of()))).isEmpty();
    }

    @Test
    void anUnsignedDraftDoesNotCountYet() {
        ReportEvent draft = ReportEvent.newBuilder(
                        revision(ReportEventType.SUBMITTED, List.of(new MetricChange("persons_isolated", 12L, 8L))))
                .setSignedAt(null).setSignedBy(null).build();

        assertThat(rule.evaluate(draft)).isEmpty();
    }

    @Test
    void aPrincipalsOwnSubmissionIsSignedAtOnceAndJudged() {
        ReportEvent own = ReportEvent.newBuilder(
                        revision(ReportEventType.SUBMITTED, List.of(new MetricChange("persons_isolated", 12L, 8L))))
                .setSubmittedBy("u-port-chief").build();

        assertThat(rule.evaluate(own)).hasSize(1);
    }

    private static ReportEvent revision(ReportEventType type, List<MetricChange> lowered) {
        return ReportEvent.newBuilder()
                .setEventId("ev-2")
                .setType(type)
                .setReportId("rep-1")
                .setJurisdictionId("demo-county")
                .setUnitId("cp-port")
                .setDate(DAY)
                .setRevision(2)
                .setZeroReport(false)
                .setMetrics(Map.of("persons_isolated", 8L))
                .setSubmittedBy("u-port-clerk")
                .setSubmittedAt(AT)
                .setSignedBy("u-port-chief")
                .setSignedAt(AT)
                .setLowered(lowered)
                .build();
    }
}
