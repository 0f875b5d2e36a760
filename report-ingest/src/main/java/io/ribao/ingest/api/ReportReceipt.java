package io.ribao.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a submission or sign-off (DESIGN.md §8); {@code timeliness} is null until signed. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportReceipt(String reportId, String unitId, String date, int revision, String status,
                            String timeliness, String receivedAt) {
}
