package io.ribao.ingest.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/reports}. Metric values stay JSON nodes so that 1.5 or "7" is named as an error
 * rather than silently coerced; the date stays a string so that a bad one is a 422 naming {@code date}.
 */
public record ReportRequest(
        @JsonProperty("unitId") String unitId,
        @JsonProperty("date") String date,
        @JsonProperty("zeroReport") Boolean zeroReport,
        @JsonProperty("metrics") Map<String, JsonNode> metrics,
        @JsonProperty("narrative") String narrative,
        @JsonProperty("findings") List<FindingRequest> findings) {

    public ReportRequest {
        metrics = metrics == null ? Map.of() : metrics;
        findings = findings == null ? List.of() : findings;
    }
}
