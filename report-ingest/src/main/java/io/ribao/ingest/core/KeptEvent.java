package io.ribao.ingest.core;

import io.ribao.schemas.report.ReportEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The copy of a report event that {@link ReportIndex} keeps: the same fields in fewer objects — metrics in
 * {@link MetricValues}, empty lists shared, the ids of units, people and addresses one instance each
 * ({@link CanonicalStrings}), the day's date one instance, one instant when the report was signed as it was submitted.
 * The index holds every revision of the open days (hundreds of thousands on a large roster), and the collector copies,
 * marks and scans each object it keeps for as long as the day is open.
 */
final class KeptEvent {

    private KeptEvent() {
    }

    /** The kept copy of {@code event}, whose date is {@code day} (equal to the event's, one instance per day). */
    static ReportEvent of(ReportEvent event, LocalDate day, CanonicalStrings canonical) {
        Instant submittedAt = event.getSubmittedAt();
        Instant signedAt = submittedAt.equals(event.getSignedAt()) ? submittedAt : event.getSignedAt();
        return new ReportEvent(event.getEventId(), event.getType(), event.getReportId(),
                canonical.of(event.getJurisdictionId()), canonical.of(event.getUnitId()), day,
                event.getRevision(), event.getZeroReport(), MetricValues.copyOf(event.getMetrics(), canonical),
                event.getNarrative(), shared(event.getFindings()), canonical.of(event.getSubmittedBy()), submittedAt,
                canonical.of(event.getSignedBy()), signedAt, event.getSigner(), shared(event.getLowered()),
                event.getAfterCutoff(), canonical.of(event.getSourceAddress()), event.getIdempotencyKey());
    }

    private static <T> List<T> shared(List<T> list) {
        return list.isEmpty() ? List.of() : list;
    }
}
