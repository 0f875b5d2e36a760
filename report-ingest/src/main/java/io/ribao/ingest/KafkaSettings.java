package io.ribao.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** {@code kafka:} section: where the broker is, and how long the producers let a batch fill. */
public class KafkaSettings {

    /**
     * How long a batch of the one producer waits for more records before it is sent. Concurrent requests share a
     * batch, so under load a longer linger means fewer, fuller produce requests for the broker to handle.
     */
    @NotNull
    private Duration linger = Duration.milliseconds(1);

    /**
     * How long a batch of audit records waits for more. An accepted write's audit record is sent after the answer is
     * decided and nobody waits for it, so it may wait for company: one produce request carries many (decision 411).
     */
    @NotNull
    private Duration auditLinger = Duration.milliseconds(20);

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

    @JsonProperty
    public Duration getAuditLinger() {
        return auditLinger;
    }

    @JsonProperty
    public void setAuditLinger(Duration auditLinger) {
        this.auditLinger = auditLinger;
    }
}
