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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report-ingest with its broker stopped: every submission is answered 503 (error body, nothing accepted — and nothing
 * turns up later); after the broker is back, clients retrying with their Idempotency-Key get one report each, and
 * a further retry returns the same answer without writing again.
 */
class IngestOutageTest {

    private static final int CLIENTS = 12;

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
    void duringAnOutageNothingIsAcceptedAndAfterItEachRetriedKeyMakesExactlyOneReport() throws Exception {
        EmbeddedKafkaCluster broker = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        parts.add(broker);
        String kafka = broker.bootstrapServers();
        TopicAdmin.createMissing(kafka, Topics.all(), 1, (short) 1);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka, 0);
        parts.add(registry);
        TestRoster roster = TestRoster.write(dir.resolve("roster"), today);
        int port = ReportsTopic.freePort();
        Path config = ConfigTemplate.write("/local/report-ingest.yml", Map.of("RIBAO_KAFKA", kafka,
                "RIBAO_REGISTRY", registry.url(), "RIBAO_ROSTER", roster.file().toString(),
                "RIBAO_INGEST_PORT", String.valueOf(port)), dir.resolve("report-ingest.yml"));
        parts.add(EmbeddedService.start(new IngestApplication(morning), config));
        String reports = "http://127.0.0.1:" + port + "/api/v1/reports";
        Topics topics = new Topics(SchemaRegistries.forUrl(registry.url()));
        Api.Reply before = submit(reports, roster, "twn-a", "before-the-outage");
        assertThat(before.status()).as(before.toString()).isEqualTo(202);

        broker.stopNode(0);
        // the clients submit at the same time, as they would: each waits out the delivery timeout on its own
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Api.Reply> duringOutage;
        try {
            List<Future<Api.Reply>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                answers.add(clients.submit(() -> submit(reports, roster, unitOf(client), key(client))));
            }
            duringOutage = new ArrayList<>();
            for (Future<Api.Reply> answer : answers) {
                duringOutage.add(answer.get());
            }
        } finally {
            clients.shutdown();
        }
        broker.startNode(0);

        assertThat(duringOutage).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
            assertThat(reply.isErrorShape()).isTrue();
            assertThat(reply.json().get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
        });
        assertThat(ReportsTopic.eventsByKey(kafka, topics)).as("nothing answered 503 was written, even late")
                .doesNotContainKeys(keys().toArray(String[]::new));

        Map<String, String> accepted = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (int i = 0; i < CLIENTS; i++) {
                if (!accepted.containsKey(key(i))) {
                    Api.Reply retry = submit(reports, roster, unitOf(i), key(i));
                    assertThat(retry.status()).as(retry.toString()).isIn(202, 503);
                    if (retry.status() == 202) {
                        accepted.put(key(i), retry.json().get("reportId").asText());
                    }
                }
            }
            assertThat(accepted).hasSize(CLIENTS);
        });
        for (int i = 0; i < CLIENTS; i++) {
            Api.Reply again = submit(reports, roster, unitOf(i), key(i));
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.json().get("reportId").asText()).isEqualTo(accepted.get(key(i)));
        }

        Map<String, List<String>> written = ReportsTopic.eventsByKey(kafka, topics);
        for (String key : keys()) {
            assertThat(written.get(key)).as("report events written for Idempotency-Key " + key)
                    .containsExactly(accepted.get(key));
        }
    }

    private Api.Reply submit(String url, TestRoster roster, String unit, String key) {
        String principal = unit.equals("twn-a") ? "u-a-sj" : "u-b-sj";
        return api.send("POST", url, roster.token(principal), "application/json",
                ("{\"unitId\":\"" + unit + "\",\"date\":\"" + today + "\",\"zeroReport\":true,\"metrics\":{}}")
                        .getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", key));
    }

    private static String unitOf(int client) {
        return client % 2 == 0 ? "twn-a" : "twn-b";
    }

    private static String key(int client) {
        return "outage-client-" + client;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            keys.add(key(i));
        }
        return keys;
    }
}
