package io.ribao.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.ribao.bulletin.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @Test
    void theShippedConfigLoadsWithItsDefaults() throws Exception {
        BulletinConfiguration config = new YamlConfigurationFactory<>(BulletinConfiguration.class,
                Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)), "config.yml");

        assertThat(config.getKafka().getBootstrapServers()).isNotBlank();
        assertThat(config.getSchemaRegistryUrl()).startsWith("http");
        assertThat(config.getDatabase().getUrl()).startsWith("jdbc:postgresql:");
        assertThat(config.isMigrateOnStartup()).isTrue();
        assertThat(config.getDelivery().getEscalationDelay().toJavaDuration()).isPositive();
        assertThat(config.getDelivery().getRepeatInterval().toJavaDuration()).isGreaterThan(Duration.ZERO);
    }

    @Test
    void theDbMigrateCommandAppliesEveryMigration(@TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.empty();
        Path config = dir.resolve("migrate.yml");
        Files.writeString(config, """
                database:
                  driverClass: org.postgresql.Driver
                  url: %s
                  user: postgres
                  password: ""
                logging:
                  level: WARN
                """.formatted(db.jdbcUrl()));

        new BulletinApplication().run("db", "migrate", config.toString());

        int tables = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM information_schema.tables
                WHERE table_name IN ('units', 'unit_day_status', 'alerts', 'outbox', 'consumer_offsets')""")
                .mapTo(Integer.class).one());
        assertThat(tables).isEqualTo(5);
    }
}
