package io.ribao.bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.bulletin.BulletinConfiguration;
import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestKafka;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.schemas.roster.UnitKind;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildCommandTest {

    private static final Clock CLOCK = Clock.fixed(Fixtures.DEADLINE, ZoneOffset.UTC);

    private static Optional<Throwable> runCommand(String... args) {
        BulletinApplication application = new BulletinApplication(CLOCK);
        Bootstrap<BulletinConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        return new Cli(new JarLocation(RebuildCommandTest.class), bootstrap, new ByteArrayOutputStream(),
                new ByteArrayOutputStream()).run(args);
    }

    @Test
    void theRebuildCommandMigratesAnEmptyDatabaseFillsItFromTheTopicsAndStoresTheEndOffsets(@TempDir Path dir)
            throws Exception {
        String unitId = "twn-cli-" + UUID.randomUUID().toString().substring(0, 8);
        RecordMetadata written = TestKafka.send(TestKafka.topics().units(), unitId,
                Fixtures.unit(unitId, "天保镇", UnitKind.TOWNSHIP, "county", "u-tianbao-sj", List.of()));
        TestDatabase db = TestDatabase.empty();
        Path config = dir.resolve("rebuild.yml");
        Files.writeString(config, """
                database:
                  driverClass: org.postgresql.Driver
                  url: %s
                  user: postgres
                  password: ""
                kafka:
                  bootstrapServers: %s
                  consumerName: rebuild-command
                schemaRegistryUrl: %s
                migrateOnStartup: true
                logging:
                  level: WARN
                """.formatted(db.jdbcUrl(), TestKafka.bootstrapServers(), TestKafka.REGISTRY_URL));

        Optional<Throwable> failure = runCommand("rebuild", config.toString(), "--progress-step", "50");

        assertThat(failure).isEmpty();
        String name = db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM units WHERE unit_id = ?")
                .bind(0, unitId).mapTo(String.class).one());
        Long position = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT next_offset FROM consumer_offsets
                        WHERE consumer = 'rebuild-command' AND topic = ? AND partition = ?""")
                .bind(0, written.topic()).bind(1, written.partition()).mapTo(Long.class).one());
        assertThat(name).isEqualTo("天保镇");
        assertThat(position).isEqualTo(written.offset() + 1);
    }
}
