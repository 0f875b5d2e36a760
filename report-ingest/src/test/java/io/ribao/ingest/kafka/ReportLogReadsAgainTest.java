package io.ribao.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.ingest.core.ReportIndex;
import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.registry.SchemaRegistry;
import io.ribao.registry.SchemaRegistryException;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another replica's reports read while the schema registry is unreachable reach this replica's index before the log
 * counts as caught up; none is skipped (decision 445).
 */
class ReportLogReadsAgainTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.ofHours(8)));
    private EmbeddedKafkaCluster kafka;
    private ReportLog log;

    @AfterEach
    void stop() throws Exception {
        if (log != null) {
            log.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void reportsReadWhileTheRegistryIsUnreachableAreInTheIndexOnceTheLogIsCaughtUp() throws Exception {
        kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        TopicAdmin.createMissing(kafka.bootstrapServers(), Topics.all(), 3, (short) 1);
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        Topics written = new Topics(registry);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String unit : new String[] {"twn-a", "twn-b", "twn-c"}) {
                producer.send(new ProducerRecord<>(written.reports().name(), unit.getBytes(StandardCharsets.UTF_8),
                        written.reports().serializeValue(report(unit)))).get();
            }
        }
        UnreachableAtFirst unreachableTwice = new UnreachableAtFirst(registry, 2);
        ReportIndex index = new ReportIndex();

        log = new ReportLog(kafka.bootstrapServers(), new Topics(unreachableTwice).reports(), index,
                () -> Duration.ofDays(5), clock).follow();

        assertThat(log.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(index.report("r-twn-a")).isNotNull();
        assertThat(index.report("r-twn-b")).isNotNull();
        assertThat(index.report("r-twn-c")).isNotNull();
        assertThat(unreachableTwice.lookUps()).as("two refused, then one answered").isEqualTo(3);
    }

    private ReportEvent report(String unit) {
        return ReportEvent.newBuilder().setEventId("e-" + unit).setType(ReportEventType.SUBMITTED)
                .setReportId("r-" + unit).setJurisdictionId("demo-county").setUnitId(unit).setDate(today)
                .setRevision(1).setZeroReport(true).setMetrics(Map.of()).setSubmittedBy("u-clerk")
                .setSubmittedAt(clock.instant()).build();
    }

    /** A registry that is unreachable for its first look-ups by id, as the HTTP client reports it (503, 50003). */
    private static final class UnreachableAtFirst implements SchemaRegistry {

        private final SchemaRegistry registry;
        private final int failures;
        private final AtomicInteger lookUps = new AtomicInteger();

        UnreachableAtFirst(SchemaRegistry registry, int failures) {
            this.registry = registry;
            this.failures = failures;
        }

        @Override
        public int register(String subject, Schema schema) {
            return registry.register(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            if (lookUps.incrementAndGet() <= failures) {
                throw new SchemaRegistryException(503, 50003, "schema registry unreachable");
            }
            return registry.schemaById(id);
        }

        int lookUps() {
            return lookUps.get();
        }
    }
}
