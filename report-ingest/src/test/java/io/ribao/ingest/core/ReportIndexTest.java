package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportIndexTest {

    private final ReportIndex index = new ReportIndex();

    private static ReportEvent event(String eventId, String reportId, String date, int revision, ReportEventType type,
                                     String key) {
        return ReportEvent.newBuilder().setEventId(eventId).setType(type).setReportId(reportId)
                .setJurisdictionId("demo-county").setUnitId("twn-tianbao").setDate(LocalDate.parse(date))
                .setRevision(revision).setZeroReport(false).setMetrics(Map.of("a", 1L)).setSubmittedBy("u-clerk")
                .setSubmittedAt(Instant.parse("2026-03-14T02:00:00Z"))
                .setSignedAt(type == ReportEventType.SIGNED_OFF ? Instant.parse("2026-03-14T03:00:00Z") : null)
                .setIdempotencyKey(key).build();
    }

    @Test
    void signedEventReplacesTheSubmittedOneOfTheSameRevisionAndDuplicatesAreSkipped() {
        index.apply(event("e1", "r1", "2026-03-14", 1, ReportEventType.SUBMITTED, "k"));
        index.apply(event("e2", "r1", "2026-03-14", 1, ReportEventType.SIGNED_OFF, null));
        index.apply(event("e1", "r1", "2026-03-14", 1, ReportEventType.SUBMITTED, "k"));

        assertThat(index.report("r1").getType()).isEqualTo(ReportEventType.SIGNED_OFF);
        assertThat(index.revisions("twn-tianbao", LocalDate.parse("2026-03-14"))).hasSize(1);
        assertThat(index.firstAnswer("u-clerk", "k").getEventId()).isEqualTo("e1");
        assertThat(index.firstSigned("twn-tianbao", LocalDate.parse("2026-03-14")).getEventId()).isEqualTo("e2");
    }

    @Test
    void anEventIsContainedOnceAppliedAndASubmissionOnceItsSignOffIs() {
        ReportEvent submitted = event("e1", "r1", "2026-03-14", 1, ReportEventType.SUBMITTED, null);
        ReportEvent signed = event("e2", "r1", "2026-03-14", 1, ReportEventType.SIGNED_OFF, null);
        ReportEvent otherSignOff = event("e3", "r1", "2026-03-14", 1, ReportEventType.SIGNED_OFF, null);
        assertThat(index.contains(submitted)).isFalse();

        index.apply(submitted);
        assertThat(index.contains(submitted)).isTrue();
        assertThat(index.contains(signed)).isFalse();

        index.apply(signed);
        assertThat(index.contains(signed)).isTrue();
        assertThat(index.contains(submitted)).isTrue();
        assertThat(index.contains(otherSignOff)).isFalse();
    }

    @Test
    void theKeptEventEqualsTheAppliedOneAndAnAppliedEventAgainChangesNothing() {
        ReportEvent signed = ReportEvent.newBuilder(event("e1", "r1", "2026-03-14", 1, ReportEventType.SIGNED_OFF, "k"))
                .setMetrics(new java.util.LinkedHashMap<>(Map.of("a", 1L, "b", 300L))).build();
        index.apply(signed);
        index.apply(ReportEvent.newBuilder(signed).build());

        assertThat(index.report("r1")).isEqualTo(signed);
        assertThat(index.revisions("twn-tianbao", LocalDate.parse("2026-03-14"))).containsExactly(signed);
        assertThat(index.firstAnswer("u-clerk", "k")).isEqualTo(signed);
        assertThat(index.firstSigned("twn-tianbao", LocalDate.parse("2026-03-14"))).isEqualTo(signed);
    }

    @Test
    void forgettingOldDaysDropsTheirReportsAndKeys() {
        index.apply(event("e1", "r1", "2026-03-01", 1, ReportEventType.SUBMITTED, "old"));
        index.apply(event("e2", "r2", "2026-03-14", 1, ReportEventType.SUBMITTED, "new"));

        index.forgetBefore(LocalDate.parse("2026-03-10"));

        assertThat(index.report("r1")).isNull();
        assertThat(index.firstAnswer("u-clerk", "old")).isNull();
        assertThat(index.report("r2")).isNotNull();
        assertThat(index.revisions("twn-tianbao")).extracting(ReportEvent::getReportId).containsExactly("r2");
    }

    @Test
    void theFirstSignatureOfADayIsTheEarliestWhateverOrderTheEventsArriveIn() {
        LocalDate day = LocalDate.parse("2026-03-14");
        index.apply(signedAt("e2", "r2", 2, "2026-03-14T07:00:00Z"));
        index.apply(signedAt("e1", "r1", 1, "2026-03-14T03:00:00Z"));
        index.apply(signedAt("e3", "r3", 3, "2026-03-14T09:00:00Z"));

        assertThat(index.firstSigned("twn-tianbao", day).getEventId()).isEqualTo("e1");
        assertThat(index.firstSigned("twn-tianbao", day.plusDays(1))).isNull();

        index.forgetBefore(day.plusDays(1));
        assertThat(index.firstSigned("twn-tianbao", day)).isNull();
    }

    private static ReportEvent signedAt(String eventId, String reportId, int revision, String signedAt) {
        return ReportEvent.newBuilder(event(eventId, reportId, "2026-03-14", revision, ReportEventType.SIGNED_OFF, null))
                .setSignedAt(Instant.parse(signedAt)).build();
    }
}
