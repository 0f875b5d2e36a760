package io.ribao.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationFileTest {

    @Test
    void shippedConfigYmlLoadsWithItsDefaults() throws Exception {
        YamlConfigurationFactory<IngestConfiguration> factory = new YamlConfigurationFactory<>(
                IngestConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

        IngestConfiguration config = factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)), "config.yml");

        assertThat(config.getKafka().getBootstrapServers()).isNotBlank();
        assertThat(config.getMaxBodyBytes().toBytes()).isEqualTo(256 * 1024);
        assertThat(config.getDeliveryTimeout().toSeconds()).isEqualTo(5);
        assertThat(config.getKafka().getAuditLinger().toMilliseconds()).isEqualTo(20);
        assertThat(config.getServerFactory()).isInstanceOf(SimpleServerFactory.class);
    }

    @Test
    void servedOpenApiDocumentIsTheOneInDocs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(Files.readString(
                Path.of("src", "main", "resources", "openapi", "report-ingest.openapi.json")));
        JsonNode documented = json.readTree(Files.readString(
                Path.of("..", "docs", "api", "report-ingest.openapi.json")));

        assertThat(served).isEqualTo(documented);
        assertThat(served.get("paths").fieldNames()).toIterable()
                .contains("/v1/reports", "/v1/reports/{reportId}/sign-off", "/v1/roster", "/v1/me");
    }
}
