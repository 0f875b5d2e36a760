package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.broker.EmbeddedKafkaCluster;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-broker cluster (replication 3, min.insync.replicas 2) loses a broker in the middle of ingest and gets it
 * back: every report answered 2xx is in ribao.reports exactly once, and every client that kept retrying with its
 * Idempotency-Key got an answer. Size: 240 submissions by 4 clients (docs/reliability.md).
 */
@Disabled("F5 in docs/reliability.md: after stopNode(1)/startNode(1) the in-process 3-node KRaft cluster does not "
        + "recover (node 0 loses nodes 1 and 2, clients get 503 for good); re-enable once embedded-broker restarts a node")
class BrokerFailureTest {

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
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.nodes(dir.resolve("kafka"), 3,
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
        AtomicInteger unavailable = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                for (int n = next.getAndIncrement(); n < SUBMISSIONS; n = next.getAndIncrement()) {
                    submitUntilAnswered(url, roster, n, acknowledged, unavailable);
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> next.get() >= SUBMISSIONS / 3);
        cluster.stopNode(1);
        await().atMost(Duration.ofSeconds(120)).until(() -> next.get() >= SUBMISSIONS * 2 / 3);
        cluster.startNode(1);
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        assertThat(acknowledged).as("every client got its answer (" + unavailable.get() + " answers were 503)")
                .hasSize(SUBMISSIONS);
        Map<String, List<String>> written = ReportsTopic.eventsByKey(kafka, new Topics(SchemaRegistries.forUrl(registry.url())));
        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        acknowledged.forEach((key, reportId) ->
                assertThat(written.get(key)).as("events for " + key).containsExactly(reportId));
    }

    /** A client that retries a 503 with the same Idempotency-Key until it gets its answer (bounded). */
    private void submitUntilAnswered(String url, TestRoster roster, int n, Map<String, String> acknowledged,
                                     AtomicInteger unavailable) {
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
                unavailable.incrementAndGet();
                return false;
            }
            acknowledged.put(key, reply.json().get("reportId").asText());
            return true;
        });
    }
}
