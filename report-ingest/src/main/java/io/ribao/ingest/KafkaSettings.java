package io.ribao.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** {@code kafka:} section: where the broker is. */
public class KafkaSettings {

    @NotEmpty
    private String bootstrapServers = "127.0.0.1:9092";

    @JsonProperty
    public String getBootstrapServers() {
        return bootstrapServers;
    }

    @JsonProperty
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }
}
