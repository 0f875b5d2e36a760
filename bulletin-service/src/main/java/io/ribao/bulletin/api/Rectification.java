package io.ribao.bulletin.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/v1/findings/{id}/rectification} body: what was done (整改情况). */
public record Rectification(String text) {

    @JsonCreator
    public Rectification(@JsonProperty("text") String text) {
        this.text = text;
    }
}
