package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.schemas.report.MetricChange;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeptEventTest {

    private static final Instant NOW = Instant.parse("2026-03-14T08:25:00.123Z");

    private final CanonicalStrings canonical = new CanonicalStrings();

    private static ReportEvent signedAsSubmitted() {
        Map<String, Long> metrics = new LinkedHashMap<>();
        metrics.put("nucleic_samples", 300L);
        metrics.put("home_isolation", 5L);
        metrics.put("key_persons_screened", 12L);
        return ReportEvent.newBuilder().setEventId("e1").setType(ReportEventType.SIGNED_OFF).setReportId("r1")
                .setJurisdictionId(new String("demo-county")).setUnitId(new String("twn-tianbao"))
                .setDate(LocalDate.parse("2026-03-14")).setRevision(2).setZeroReport(false).setMetrics(metrics)
                .setNarrative("routine day").setFindings(new ArrayList<>()).setSubmittedBy(new String("u-head"))
                .setSubmittedAt(NOW).setSignedBy(new String("u-head")).setSignedAt(NOW).setSigner(Signer.PRINCIPAL)
                .setLowered(new ArrayList<>(List.of(MetricChange.newBuilder().setCode("home_isolation").setFrom(7)
                        .setTo(5).build())))
                .setSourceAddress(new String("10.0.0.7")).setIdempotencyKey("k-1").build();
    }

    @Test
    void keepsEveryFieldAndTheMetricsInTheirOrder() {
        ReportEvent event = signedAsSubmitted();
        ReportEvent kept = KeptEvent.of(event, LocalDate.parse("2026-03-14"), canonical);

        assertThat(kept).isEqualTo(event);
        assertThat(event).isEqualTo(kept);
        assertThat(kept.getMetrics().keySet())
                .containsExactly("nucleic_samples", "home_isolation", "key_persons_screened");
        assertThat(kept.getMetrics()).containsEntry("nucleic_samples", 300L).doesNotContainKey("nucleic_tested");
        assertThat(ReportEvent.newBuilder(kept).setRevision(3).build().getMetrics()).isEqualTo(event.getMetrics());
    }

    @Test
    void sharesWhatRepeatsAcrossEvents() {
        LocalDate day = LocalDate.parse("2026-03-14");
        ReportEvent kept = KeptEvent.of(signedAsSubmitted(), day, canonical);
        ReportEvent another = KeptEvent.of(signedAsSubmitted(), day, canonical);

        assertThat(another.getUnitId()).isSameAs(kept.getUnitId());
        assertThat(another.getJurisdictionId()).isSameAs(kept.getJurisdictionId());
        assertThat(another.getSubmittedBy()).isSameAs(kept.getSubmittedBy()).isSameAs(kept.getSignedBy());
        assertThat(another.getSourceAddress()).isSameAs(kept.getSourceAddress());
        assertThat(kept.getSignedAt()).isSameAs(kept.getSubmittedAt());
        assertThat(kept.getFindings()).isSameAs(another.getFindings()).isEmpty();
        assertThat(kept.getDate()).isSameAs(day);
        assertThat(another.getMetrics().keySet().iterator().next())
                .isSameAs(kept.getMetrics().keySet().iterator().next());
    }

    @Test
    void theCanonicalStringsStayBoundedAndStillAnswerEqualStrings() {
        for (int i = 0; i <= CanonicalStrings.LIMIT + 10; i++) {
            canonical.of("unit-" + i);
        }

        assertThat(canonical.size()).isLessThanOrEqualTo(CanonicalStrings.LIMIT + 1);
        String again = canonical.of(new String("unit-7"));
        assertThat(canonical.of(new String("unit-7"))).isSameAs(again).isEqualTo("unit-7");
        assertThat(canonical.of(null)).isNull();
    }

    @Test
    void theKeptMetricsCannotBeChanged() {
        Map<String, Long> metrics =
                KeptEvent.of(signedAsSubmitted(), LocalDate.parse("2026-03-14"), canonical).getMetrics();

        assertThatThrownBy(() -> metrics.put("home_isolation", 0L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metrics.entrySet().iterator().next().setValue(0L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anUnsignedEventKeepsNoSignature() {
        ReportEvent submitted = ReportEvent.newBuilder(signedAsSubmitted()).setType(ReportEventType.SUBMITTED)
                .setSignedBy(null).setSignedAt(null).setSigner(null).build();

        assertThat(KeptEvent.of(submitted, LocalDate.parse("2026-03-14"), canonical)).isEqualTo(submitted);
        assertThat(KeptEvent.of(submitted, LocalDate.parse("2026-03-14"), canonical).getSignedAt()).isNull();
    }
}
