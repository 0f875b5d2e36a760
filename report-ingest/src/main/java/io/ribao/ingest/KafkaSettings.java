package io.ribao.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** {@code kafka:} section: where the broker is, and how long the producer lets a batch fill. */
public class KafkaSettings {

    /**
     * How long a batch of the one producer waits for more records before it is sent. Concurrent requests share a
     * batch, so under load a longer linger means fewer, fuller produce requests for the broker to handle.
     */
    @NotNull
    private Duration linger = Duration.milliseconds(1);

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

    @JsonProperty
    public Duration getLinger() {
        return linger;
    }

    @JsonProperty
    public void setLinger(Duration linger) {
        this.linger = linger;
    }
}
