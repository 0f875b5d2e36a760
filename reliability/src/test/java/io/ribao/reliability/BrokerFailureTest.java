package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.broker.ForkedKafkaCluster;
import io.ribao.ingest.IngestApplication;
import io.ribao.local.ConfigTemplate;
import io.ribao.local.EmbeddedService;
import io.ribao.registry.SchemaRegistries;
import io.ribao.registry.server.EmbeddedSchemaRegistry;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A three-broker cluster (replication 3, min.insync.replicas 2), each broker its own JVM, loses the leader of a
 * ribao.reports partition to SIGKILL in the middle of ingest and gets it back on the same data: every report answered
 * 2xx is in ribao.reports exactly once, and every client that kept retrying 503s with its Idempotency-Key got an
 * answer. Size: 240 submissions by 4 clients (docs/reliability.md, F5).
 */
class BrokerFailureTest {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerFailureTest.class);
    private static final int SUBMISSIONS = 240;
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Api api = new Api();
    private final LocalDate today = LocalDate.now(Clock.system(RunningStack.SHANGHAI));
    private final Clock morning = Clock.fixed(today.atTime(LocalTime.of(10, 0)).atZone(RunningStack.SHANGHAI).toInstant(),
            RunningStack.SHANGHAI);

    @AfterEach
    void stop() throws Exception {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }

    @Test
    void everyAcknowledgedReportIsWrittenExactlyOnceWhenABrokerDiesAndComesBack() throws Exception {
        ForkedKafkaCluster cluster = ForkedKafkaCluster.nodes(dir.resolve("kafka"), 3,
                Map.of("min.insync.replicas", "2")).start();
        parts.add(cluster);
        String kafka = cluster.bootstrapServers();
        TopicAdmin.createMissing(kafka, Topics.all(), 2, (short) 3);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka, 0);
        parts.add(registry);
        TestRoster roster = TestRoster.write(dir.resolve("roster"), today);
        int port = ReportsTopic.freePort();
        Path config = ConfigTemplate.write("/local/report-ingest.yml", Map.of("RIBAO_KAFKA", kafka,
                "RIBAO_REGISTRY", registry.url(), "RIBAO_ROSTER", roster.file().toString(),
                "RIBAO_INGEST_PORT", String.valueOf(port)), dir.resolve("report-ingest.yml"));
        parts.add(EmbeddedService.start(new IngestApplication(morning), config));
        String url = "http://127.0.0.1:" + port + "/api/v1/reports";

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        Map<String, Integer> refused = new ConcurrentHashMap<>(); // key -> number of 503 answers before its 2xx
        AtomicInteger acknowledgedWhileDown = new AtomicInteger();
        AtomicBoolean nodeDown = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                for (int n = next.getAndIncrement(); n < SUBMISSIONS; n = next.getAndIncrement()) {
                    submitUntilAnswered(url, roster, n, acknowledged, refused);
                    if (nodeDown.get()) {
                        acknowledgedWhileDown.incrementAndGet();
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> next.get() >= SUBMISSIONS / 3);
        int victim = leaderOfReports(kafka);
        cluster.killNode(victim);
        nodeDown.set(true);
        await().atMost(Duration.ofSeconds(120)).until(() -> next.get() >= SUBMISSIONS * 2 / 3);
        nodeDown.set(false);
        cluster.startNode(victim);
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        Map<String, List<String>> written = ReportsTopic.eventsByKey(kafka, new Topics(SchemaRegistries.forUrl(registry.url())));
        Map<String, List<String>> extra = new TreeMap<>();
        written.forEach((key, reportIds) -> {
            List<String> others = reportIds.stream().filter(id -> !id.equals(acknowledged.get(key))).toList();
            if (!others.isEmpty()) {
                extra.put(key, others);
            }
        });
        int answers503 = refused.values().stream().mapToInt(Integer::intValue).sum();
        LOG.info("node {} killed: {} reports acknowledged while it was down, {} answers were 503 (for {} keys), "
                + "{} reports written besides the acknowledged ones: {}", victim, acknowledgedWhileDown.get(), answers503,
                refused.size(), extra.values().stream().mapToInt(List::size).sum(), extra);

        assertThat(acknowledgedWhileDown.get()).as("reports acknowledged while a broker was down").isPositive();
        assertThat(acknowledged).as("every client got its answer (" + answers503 + " answers were 503)")
                .hasSize(SUBMISSIONS);
        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        acknowledged.forEach((key, reportId) -> assertThat(written.get(key)).as("events for " + key)
                .containsOnlyOnce(reportId));
        // F6 (docs/reliability.md, fixed): a write answered 503 because its acknowledgement was lost may still have
        // landed; the retry with the same Idempotency-Key reads the log back first and answers with that report.
        assertThat(extra).as("reports written besides the acknowledged one, per key").isEmpty();
    }

    private static int leaderOfReports(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            return admin.describeTopics(List.of(Topics.REPORTS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.REPORTS).partitions().get(0).leader().id();
        }
    }

    /** A client that retries a 503 with the same Idempotency-Key until it gets its answer (bounded). */
    private void submitUntilAnswered(String url, TestRoster roster, int n, Map<String, String> acknowledged,
                                     Map<String, Integer> refused) {
        String key = "broker-failure-" + n;
        String unit = n % 2 == 0 ? "twn-a" : "twn-b";
        String principal = n % 2 == 0 ? "u-a-sj" : "u-b-sj";
        byte[] body = ("{\"unitId\":\"" + unit + "\",\"date\":\"" + today + "\",\"zeroReport\":true,\"metrics\":{}}")
                .getBytes(StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).until(() -> {
            Api.Reply reply = api.send("POST", url, roster.token(principal), "application/json", body,
                    Map.of("Idempotency-Key", key));
            assertThat(reply.status()).as(reply.toString()).isIn(202, 503);
            if (reply.status() == 503) {
                refused.merge(key, 1, Integer::sum);
                return false;
            }
            acknowledged.put(key, reply.json().get("reportId").asText());
            return true;
        });
    }
}
