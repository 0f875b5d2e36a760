package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.ingest.IngestApplication;
import io.ribao.local.ConfigTemplate;
import io.ribao.local.EmbeddedService;
import io.ribao.local.LocalPostgres;
import io.ribao.registry.SchemaRegistries;
import io.ribao.registry.server.EmbeddedSchemaRegistry;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.schemas.bulletin.BulletinState;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The director releases a bulletin while the broker is down: the release is answered within its bound and stands,
 * and once the broker is back the RELEASED event reaches ribao.bulletins, once, after the bulletin's earlier events
 * (decision 436).
 */
class BulletinEventOutageTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Api api = new Api();
    private final Clock clock = Clock.system(RunningStack.SHANGHAI);
    private final LocalDate today = LocalDate.now(clock);

    @AfterEach
    void stop() throws Exception {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }

    @Test
    void aBulletinReleasedWhileTheBrokerIsDownHasItsEventOnTheTopicOnceTheBrokerIsBack() throws Exception {
        EmbeddedKafkaCluster broker = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        parts.add(broker);
        String kafka = broker.bootstrapServers();
        TopicAdmin.createMissing(kafka, Topics.all(), 1, (short) 1);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka, 0);
        parts.add(registry);
        LocalPostgres postgres = LocalPostgres.start(dir.resolve("postgres"));
        parts.add(postgres);
        TestRoster roster = TestRoster.write(dir.resolve("roster"), today);
        int ingestPort = ReportsTopic.freePort();
        int bulletinPort = ReportsTopic.freePort();
        Map<String, String> values = Map.of("RIBAO_KAFKA", kafka, "RIBAO_REGISTRY", registry.url(),
                "RIBAO_ROSTER", roster.file().toString(), "RIBAO_INGEST_PORT", String.valueOf(ingestPort),
                "RIBAO_BULLETIN_PORT", String.valueOf(bulletinPort), "RIBAO_DB_URL", postgres.jdbcUrl(),
                "RIBAO_DB_USER", postgres.user(), "RIBAO_DB_PASSWORD", postgres.password());
        parts.add(EmbeddedService.start(new IngestApplication(clock),
                ConfigTemplate.write("/local/report-ingest.yml", values, dir.resolve("report-ingest.yml"))));
        parts.add(EmbeddedService.start(new BulletinApplication(clock),
                ConfigTemplate.write("/local/bulletin-service.yml", values, dir.resolve("bulletin.yml"))));
        String base = "http://127.0.0.1:" + bulletinPort;
        Topics topics = new Topics(SchemaRegistries.forUrl(registry.url()));
        String id = approvedBulletin(base, roster);

        broker.stopNode(0);
        long start = System.nanoTime();
        Api.Reply released = api.post(base + "/api/v1/bulletins/" + id + "/release", roster.token("u-director"));
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
        broker.startNode(0);

        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().path("state").asText()).isEqualTo("RELEASED");
        assertThat(answeredIn).as("the release waits for the broker at most its bound").isLessThan(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(eventsOf(kafka, topics, id))
                .contains(BulletinState.RELEASED));
        assertThat(eventsOf(kafka, topics, id))
                .containsExactly(BulletinState.DRAFT, BulletinState.APPROVED, BulletinState.RELEASED);
    }

    private String approvedBulletin(String base, TestRoster roster) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Reply draft = api.post(base + "/api/v1/days/" + today + "/bulletin", roster.token("u-office"));
            assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
            id[0] = draft.json().get("id").asText();
        });
        Api.Reply approved = api.post(base + "/api/v1/bulletins/" + id[0] + "/approve", roster.token("u-director"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return id[0];
    }

    private static List<BulletinState> eventsOf(String kafka, Topics topics, String bulletinId) {
        return TopicContents.values(kafka, topics.bulletins()).stream()
                .filter(e -> e.getBulletinId().equals(bulletinId)).map(BulletinEvent::getState).toList();
    }
}
