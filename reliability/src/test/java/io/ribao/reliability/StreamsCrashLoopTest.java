package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.aggregation.AggregationSettings;
import io.ribao.broker.ChildJvm;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.ingest.IngestApplication;
import io.ribao.kit.auth.TokenDigest;
import io.ribao.local.ConfigTemplate;
import io.ribao.local.EmbeddedService;
import io.ribao.registry.SchemaRegistries;
import io.ribao.registry.server.EmbeddedSchemaRegistry;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Topic;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aggregation-streams, running in its own JVM ({@link StreamsInstanceMain}), killed with SIGKILL and restarted at
 * random points 20 times while 5,000 signed reports (200 units × 25 revisions, the test plays report-ingest) are
 * written; afterwards every unit-day status, each township's roll-up and the county's (which counts the villages in
 * its unit-day tasks' subtotals) equal what the reports imply, and no alert
 * was raised twice. The restarted instance keeps its state directory and group.instance.id, as a restarted pod does
 * (decisions 704, 712).
 */
class StreamsCrashLoopTest {

    private static final int UNITS = 200;
    private static final int REVISIONS = 25;
    private static final int VILLAGES_PER_TOWNSHIP = 20;
    private static final int KILLS = 20;
    private static final long SEED = Long.getLong("ribao.crash.seed", 6L);

    @TempDir
    Path dir;

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final LocalDate today = LocalDate.now(Clock.system(RunningStack.SHANGHAI));
    private final Clock morning = Clock.fixed(today.atTime(LocalTime.of(9, 0)).atZone(RunningStack.SHANGHAI).toInstant(),
            RunningStack.SHANGHAI);
    private ChildJvm streams;
    private int instances;

    @AfterEach
    void stop() throws Exception {
        if (streams != null) {
            streams.kill();
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }

    @Test
    void afterTwentyAbruptKillsEveryStatusAndTotalMatchesTheReportsAndNoAlertIsRaisedTwice() throws Exception {
        EmbeddedKafkaCluster broker = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        parts.add(broker);
        String kafka = broker.bootstrapServers();
        TopicAdmin.createMissing(kafka, Topics.all(), 2, (short) 1);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka, 0);
        parts.add(registry);
        Topics topics = new Topics(SchemaRegistries.forUrl(registry.url()));
        publishRoster(kafka, registry.url());
        AggregationSettings settings = AggregationSettings.of(kafka, registry.url(), dir.resolve("streams"))
                .withReportPartitions(2);

        Random random = new Random(SEED);
        List<ReportEvent> events = events(random);
        Map<String, Long> expectedMetric = new HashMap<>();
        events.forEach(e -> expectedMetric.put(e.getUnitId(), e.getMetrics().get("m0")));
        long expectedTotal = expectedMetric.values().stream().mapToLong(Long::longValue).sum();

        streams = startStreams(settings);
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            Topic<String, ReportEvent> reports = topics.reports();
            int kills = 0;
            for (int i = 0; i < events.size(); i++) {
                ReportEvent e = events.get(i);
                producer.send(new ProducerRecord<>(reports.name(), e.getUnitId().getBytes(StandardCharsets.UTF_8),
                        reports.serializeValue(e)));
                // kill at random points: on average every events.size()/KILLS records, at least KILLS times
                boolean due = random.nextInt(events.size() / KILLS) == 0 || events.size() - i <= KILLS - kills;
                if (kills < KILLS && due) {
                    producer.flush();
                    streams.kill();
                    kills++;
                    streams = startStreams(settings);
                }
            }
            assertThat(kills).isEqualTo(KILLS);
        }

        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, UnitDayStatus> statuses = TopicContents.latest(kafka, topics.unitDayStatus());
            for (int u = 0; u < UNITS; u++) {
                UnitDayStatus status = statuses.get(unitId(u) + "/" + today);
                assertThat(status).as("status of " + unitId(u)).isNotNull();
                assertThat(status.getSignedRevision()).as(unitId(u)).isEqualTo(REVISIONS);
                assertThat(status.getState().name()).as(unitId(u)).isEqualTo("ON_TIME");
                assertThat(status.getMetrics().get("m0")).as(unitId(u)).isEqualTo(expectedMetric.get(unitId(u)));
            }
            Map<String, Rollup> rollups = TopicContents.latest(kafka, topics.rollups());
            Rollup county = rollups.get("crash-county/" + today);
            assertThat(county).isNotNull();
            assertThat(county.getMetrics().get("m0")).isEqualTo(expectedTotal);
            assertThat(county.getCompleteness().getOnTime()).isEqualTo(UNITS);
            for (int t = 0; t < UNITS; t += VILLAGES_PER_TOWNSHIP) {
                long township = 0;
                for (int u = t; u < t + VILLAGES_PER_TOWNSHIP; u++) {
                    township += expectedMetric.get(unitId(u));
                }
                assertThat(rollups.get(unitId(t) + "/" + today).getMetrics().get("m0")).as(unitId(t))
                        .isEqualTo(township);
            }
        });
        Map<String, Integer> raised = new HashMap<>();
        for (AlertEvent a : TopicContents.values(kafka, topics.alerts())) {
            if (a.getState() == AlertState.RAISED) {
                raised.merge(a.getAlertId(), 1, Integer::sum);
            }
        }
        assertThat(raised).as("alerts raised more than once").allSatisfy((id, count) -> assertThat(count).as(id).isOne());
    }

    /** A new instance on the same state directory; returns once it is RUNNING, so each kill hits a working one. */
    private ChildJvm startStreams(AggregationSettings settings) {
        instances++;
        return ChildJvm.start(StreamsInstanceMain.class, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of(settings.bootstrapServers(), settings.schemaRegistryUrl(), settings.stateDir().toString(),
                        String.valueOf(settings.reportPartitions())),
                dir.resolve("streams-logs").resolve("instance-" + instances + ".log"), StreamsInstanceMain.RUNNING)
                .awaitReady(Duration.ofSeconds(120));
    }

    /** 25 signed revisions of each unit's report for today, in an order shuffled across units. */
    private List<ReportEvent> events(Random random) {
        List<ReportEvent> events = new ArrayList<>();
        int[] next = new int[UNITS];
        for (int n = 0; n < UNITS * REVISIONS; n++) {
            int u = random.nextInt(UNITS);
            while (next[u] == REVISIONS) {
                u = (u + 1) % UNITS;
            }
            int revision = ++next[u];
            Instant at = today.atTime(9, 0).plusSeconds(revision * 60L).atZone(RunningStack.SHANGHAI).toInstant();
            events.add(ReportEvent.newBuilder()
                    .setEventId(UUID.nameUUIDFromBytes(("e" + u + "-" + revision).getBytes(StandardCharsets.UTF_8)).toString())
                    .setType(ReportEventType.SIGNED_OFF).setReportId("rpt-" + u + "-" + revision)
                    .setJurisdictionId("crash-county").setUnitId(unitId(u)).setDate(today).setRevision(revision)
                    .setZeroReport(false).setMetrics(Map.of("m0", (long) random.nextInt(1000)))
                    .setSubmittedBy("u-" + u).setSubmittedAt(at).setSignedBy("u-" + u).setSignedAt(at)
                    .setSigner(Signer.PRINCIPAL).build());
        }
        return events;
    }

    private static String unitId(int u) {
        return String.format("crash-%03d", u);
    }

    /** The roster (one county, 10 townships, 190 villages under them) published the way report-ingest publishes it: by starting it. */
    private void publishRoster(String kafka, String registryUrl) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                jurisdiction: {id: crash-county, name: 压测县, timezone: Asia/Shanghai, office: 指挥部办公室}
                deadlines: {reminder: "15:30", submission: "16:30", bulletin: "18:00", amendDays: 3}
                forms:
                  - {id: f, name: 日报, metrics: [{code: m0, name: 指标, min: 0, max: 1000000}]}
                units:
                  - {id: crash-county, name: 压测县, kind: COUNTY, activeFrom: 2026-01-01}
                """);
        for (int u = 0; u < UNITS; u++) {
            // every twentieth unit a township under the county, the others villages under it: the county's roll-up
            // then counts the villages through the unit-day tasks' subtotals (decision 282)
            boolean township = u % VILLAGES_PER_TOWNSHIP == 0;
            yaml.append("  - {id: ").append(unitId(u)).append(township ? ", name: 乡镇" : ", name: 村").append(u)
                    .append(township ? ", kind: TOWNSHIP, parent: crash-county" : ", kind: VILLAGE, parent: ")
                    .append(township ? "" : unitId(u - u % VILLAGES_PER_TOWNSHIP))
                    .append(", form: f, principal: u-").append(u).append(", activeFrom: 2026-01-01}\n");
        }
        yaml.append("users:\n");
        for (int u = 0; u < UNITS; u++) {
            yaml.append("  - {id: u-").append(u).append(", name: 书记").append(u).append(", role: PRINCIPAL, unit: ")
                    .append(unitId(u)).append(", tokenSha256: \"").append(TokenDigest.sha256Hex(TestRoster.mint()))
                    .append("\"}\n");
        }
        Path roster = dir.resolve("crash-roster.yaml");
        Files.writeString(roster, yaml, StandardCharsets.UTF_8);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = ConfigTemplate.write("/local/report-ingest.yml", Map.of("RIBAO_KAFKA", kafka,
                "RIBAO_REGISTRY", registryUrl, "RIBAO_ROSTER", roster.toString(),
                "RIBAO_INGEST_PORT", String.valueOf(port)), dir.resolve("report-ingest.yml"));
        try {
            parts.add(EmbeddedService.start(new IngestApplication(morning), config));
        } catch (Exception e) {
            throw new IllegalStateException("report-ingest did not start", e);
        }
    }
}
