package io.ribao.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * report-ingest's configuration. Every option, its default and meaning:
 * <ul>
 * <li>{@code kafka.bootstrapServers} (127.0.0.1:9092): the Kafka cluster.</li>
 * <li>{@code schemaRegistryUrl} (http://127.0.0.1:8081): Confluent-API schema registry, or {@code mem://name} in tests.</li>
 * <li>{@code rosterFile} (none): a roster YAML validated and published at start-up; start-up fails if it is invalid.</li>
 * <li>{@code maxBodyBytes} (256 KiB, above the largest report the field limits allow: 50 findings of 500 Chinese characters and a 2,000-character narrative, even with every character escaped): larger request bodies are refused with 413.</li>
 * <li>{@code maxRosterBytes} (4 MiB): the body limit of {@code POST /api/v1/roster}.</li>
 * <li>{@code deliveryTimeout} (5 s): the longest a write waits for the broker before answering 503.</li>
 * <li>{@code startupTimeout} (60 s): how long start-up waits for the roster and the reports log to be read.</li>
 * </ul>
 */
public class IngestConfiguration extends Configuration {

    @Valid
    @NotNull
    private KafkaSettings kafka = new KafkaSettings();

    @NotEmpty
    private String schemaRegistryUrl = "http://127.0.0.1:8081";

    private String rosterFile;

    @NotNull
    private DataSize maxBodyBytes = DataSize.kibibytes(256);

    @NotNull
    private DataSize maxRosterBytes = DataSize.mebibytes(4);

    @NotNull
    private Duration deliveryTimeout = Duration.seconds(5);

    @NotNull
    private Duration startupTimeout = Duration.seconds(60);

    @JsonProperty
    public KafkaSettings getKafka() {
        return kafka;
    }

    @JsonProperty
    public void setKafka(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    @JsonProperty
    public String getSchemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    @JsonProperty
    public void setSchemaRegistryUrl(String schemaRegistryUrl) {
        this.schemaRegistryUrl = schemaRegistryUrl;
    }

    @JsonProperty
    public String getRosterFile() {
        return rosterFile;
    }

    @JsonProperty
    public void setRosterFile(String rosterFile) {
        this.rosterFile = rosterFile;
    }

    @JsonProperty
    public DataSize getMaxBodyBytes() {
        return maxBodyBytes;
    }

    @JsonProperty
    public void setMaxBodyBytes(DataSize maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @JsonProperty
    public DataSize getMaxRosterBytes() {
        return maxRosterBytes;
    }

    @JsonProperty
    public void setMaxRosterBytes(DataSize maxRosterBytes) {
        this.maxRosterBytes = maxRosterBytes;
    }

    @JsonProperty
    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    @JsonProperty
    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    @JsonProperty
    public Duration getStartupTimeout() {
        return startupTimeout;
    }

    @JsonProperty
    public void setStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
    }
}
