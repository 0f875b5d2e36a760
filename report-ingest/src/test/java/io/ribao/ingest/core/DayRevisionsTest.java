package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayRevisionsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-14");
    private final DayRevisions day = new DayRevisions(DAY);

    private static ReportEvent event(int revision, ReportEventType type, String signedAt) {
        return ReportEvent.newBuilder().setEventId("e" + revision + type).setType(type).setReportId("r" + revision)
                .setJurisdictionId("demo-county").setUnitId("twn-tianbao").setDate(DAY).setRevision(revision)
                .setZeroReport(false).setMetrics(Map.of("a", 1L)).setSubmittedBy("u-clerk")
                .setSubmittedAt(Instant.parse("2026-03-14T02:00:00Z"))
                .setSignedAt(signedAt == null ? null : Instant.parse(signedAt)).build();
    }

    @Test
    void revisionsAreKeptInTheirOrderWhateverOrderTheyArriveIn() {
        for (int revision : new int[] {3, 1, 7, 2, 5, 4, 6, 9, 8}) {
            day.keep(event(revision, ReportEventType.SUBMITTED, null));
        }

        assertThat(day.all()).extracting(ReportEvent::getRevision).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(day.latest().getRevision()).isEqualTo(9);
    }

    @Test
    void aSignatureReplacesItsRevisionAndASubmissionDoesNot() {
        day.keep(event(1, ReportEventType.SUBMITTED, null));
        day.keep(event(1, ReportEventType.SIGNED_OFF, "2026-03-14T03:00:00Z"));
        day.keep(event(1, ReportEventType.SUBMITTED, null));

        assertThat(day.all()).extracting(ReportEvent::getType).containsExactly(ReportEventType.SIGNED_OFF);
    }

    @Test
    void theFirstSignatureIsTheEarliestSignedAt() {
        assertThat(day.firstSigned()).isNull();
        day.keep(event(2, ReportEventType.SIGNED_OFF, "2026-03-14T07:00:00Z"));
        day.keep(event(1, ReportEventType.SIGNED_OFF, "2026-03-14T03:00:00Z"));
        day.keep(event(3, ReportEventType.SIGNED_OFF, "2026-03-14T09:00:00Z"));

        assertThat(day.firstSigned().getRevision()).isEqualTo(1);
        assertThat(day.latest().getRevision()).isEqualTo(3);
    }

    @Test
    void anEmptyDayHasNothing() {
        assertThat(day.latest()).isNull();
        assertThat(day.all()).isEmpty();
    }
}
