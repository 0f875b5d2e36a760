package io.ribao.bulletin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** bulletin-service configuration; Jackson-bound, and buildable in Java for the in-process local stack. */
public class BulletinConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    private KafkaConfiguration kafka = new KafkaConfiguration();

    @NotEmpty
    private String schemaRegistryUrl = "http://127.0.0.1:8081";

    @Valid
    @NotNull
    private DeliveryConfiguration delivery = new DeliveryConfiguration();

    private boolean migrateOnStartup = true;

    /** Off in tests that drive the projection and the dispatcher themselves. */
    private boolean projectionEnabled = true;
    private boolean dispatcherEnabled = true;

    @JsonProperty public DataSourceFactory getDatabase() { return database; }
    @JsonProperty public void setDatabase(DataSourceFactory v) { database = v; }
    @JsonProperty public KafkaConfiguration getKafka() { return kafka; }
    @JsonProperty public void setKafka(KafkaConfiguration v) { kafka = v; }
    @JsonProperty public String getSchemaRegistryUrl() { return schemaRegistryUrl; }
    @JsonProperty public void setSchemaRegistryUrl(String v) { schemaRegistryUrl = v; }
    @JsonProperty public DeliveryConfiguration getDelivery() { return delivery; }
    @JsonProperty public void setDelivery(DeliveryConfiguration v) { delivery = v; }
    @JsonProperty public boolean isMigrateOnStartup() { return migrateOnStartup; }
    @JsonProperty public void setMigrateOnStartup(boolean v) { migrateOnStartup = v; }
    @JsonProperty public boolean isProjectionEnabled() { return projectionEnabled; }
    @JsonProperty public void setProjectionEnabled(boolean v) { projectionEnabled = v; }
    @JsonProperty public boolean isDispatcherEnabled() { return dispatcherEnabled; }
    @JsonProperty public void setDispatcherEnabled(boolean v) { dispatcherEnabled = v; }
}
