package io.ribao.bulletin;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** Where the broker is, and the consumer name under which the projection stores its positions. */
public class KafkaConfiguration {

    @NotEmpty
    private String bootstrapServers = "127.0.0.1:9092";

    @NotEmpty
    private String consumerName = "bulletin-service";

    @JsonProperty
    public String getBootstrapServers() {
        return bootstrapServers;
    }

    @JsonProperty
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @JsonProperty
    public String getConsumerName() {
        return consumerName;
    }

    @JsonProperty
    public void setConsumerName(String consumerName) {
        this.consumerName = consumerName;
    }
}
