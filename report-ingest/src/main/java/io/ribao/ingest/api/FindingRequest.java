package io.ribao.ingest.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A problem a supervision team found in a unit, with the date it must be rectified by. */
public record FindingRequest(
        @JsonProperty("unitId") String unitId,
        @JsonProperty("problem") String problem,
        @JsonProperty("dueDate") String dueDate) {
}
