package io.ribao.ingest.api;

import java.util.List;
import java.util.Map;

/** One revision of a unit's report for a day, as {@code GET /api/v1/reports} lists it. */
public record RevisionView(String reportId, String unitId, String date, int revision, String status,
                           String timeliness, boolean zeroReport, Map<String, Long> metrics, String narrative,
                           List<FindingView> findings, String submittedBy, String submittedAt, String signedBy,
                           String signedAt, String signer, List<MetricChangeView> lowered, boolean afterCutoff) {

    public record FindingView(String findingId, String unitId, String problem, String dueDate) {
    }

    public record MetricChangeView(String code, long from, long to) {
    }
}
