package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.ingest.IngestApplication;
import io.ribao.local.ConfigTemplate;
import io.ribao.local.EmbeddedService;
import io.ribao.local.LocalPostgres;
import io.ribao.registry.SchemaRegistries;
import io.ribao.registry.server.EmbeddedSchemaRegistry;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.topics.Topic;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bulletin-service stops right after an alert and a released bulletin are written to its database and before they
 * are delivered (alert notices wait out the 10 s digest window); after a restart on the same database every
 * recipient gets the alert and the bulletin, each exactly once (webhooks to a receiver run by the test).
 */
class BulletinCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final Api api = new Api();
    private final Clock clock = Clock.system(RunningStack.SHANGHAI);
    private final LocalDate today = LocalDate.now(clock);
    private EmbeddedService bulletin;

    record Delivery(String recipient, String messageKey, JsonNode body) {
    }

    @AfterEach
    void stop() throws Exception {
        if (bulletin != null) {
            bulletin.close();
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }

    @Test
    void afterACrashBeforeDeliveryEveryAlertAndTheReleasedBulletinReachEachRecipientExactlyOnce() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Delivery(exchange.getRequestURI().getPath().substring(1),
                    exchange.getRequestHeaders().getFirst("X-Ribao-Message-Key"), JSON.readTree(body)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        parts.add(() -> receiver.stop(0));
        String hooks = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/";

        EmbeddedKafkaCluster broker = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        parts.add(broker);
        String kafka = broker.bootstrapServers();
        TopicAdmin.createMissing(kafka, Topics.all(), 1, (short) 1);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka, 0);
        parts.add(registry);
        LocalPostgres postgres = LocalPostgres.start(dir.resolve("postgres"));
        parts.add(postgres);
        TestRoster roster = TestRoster.write(dir.resolve("roster"), today);
        Path rosterWithHooks = dir.resolve("roster-with-hooks.yaml");
        Files.writeString(rosterWithHooks, withWebhooks(roster.yaml(), hooks), StandardCharsets.UTF_8);
        int ingestPort = freePort();
        int bulletinPort = freePort();
        Map<String, String> values = Map.of("RIBAO_KAFKA", kafka, "RIBAO_REGISTRY", registry.url(),
                "RIBAO_ROSTER", rosterWithHooks.toString(), "RIBAO_INGEST_PORT", String.valueOf(ingestPort),
                "RIBAO_BULLETIN_PORT", String.valueOf(bulletinPort), "RIBAO_DB_URL", postgres.jdbcUrl(),
                "RIBAO_DB_USER", postgres.user(), "RIBAO_DB_PASSWORD", postgres.password());
        parts.add(EmbeddedService.start(new IngestApplication(clock),
                ConfigTemplate.write("/local/report-ingest.yml", values, dir.resolve("report-ingest.yml"))));
        Path bulletinConfig = ConfigTemplate.write("/local/bulletin-service.yml", values, dir.resolve("bulletin.yml"));
        bulletin = EmbeddedService.start(new BulletinApplication(clock), bulletinConfig);
        String base = "http://127.0.0.1:" + bulletinPort;

        String alertId = "MISSING:twn-a:" + today + ":crash";
        produceAlert(kafka, registry.url(), alertId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.get(base + "/api/v1/alerts?date=" + today, roster.token("u-office")).body()).contains(alertId));
        String bulletinId = releasedBulletin(base, roster);
        bulletin.close();
        bulletin = EmbeddedService.start(new BulletinApplication(clock), bulletinConfig);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(alertDeliveries("u-a-sj", alertId)).isOne();
            assertThat(alertDeliveries("u-sup-a", alertId)).isOne();
            assertThat(bulletinDeliveries("u-leader", bulletinId)).isOne();
            assertThat(bulletinDeliveries("upstream", bulletinId)).isOne();
        });
        // a later alert that is delivered shows the dispatcher has gone past the first ones: still once each
        String later = "MISSING:twn-a:" + today + ":after-the-crash";
        produceAlert(kafka, registry.url(), later);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(alertDeliveries("u-a-sj", later)).isOne());
        assertThat(alertDeliveries("u-a-sj", alertId)).isOne();
        assertThat(alertDeliveries("u-sup-a", alertId)).isOne();
        assertThat(bulletinDeliveries("u-leader", bulletinId)).isOne();
        assertThat(bulletinDeliveries("upstream", bulletinId)).isOne();
    }

    private long alertDeliveries(String recipient, String alertId) {
        return received.stream().filter(d -> d.recipient().equals(recipient))
                .filter(d -> "ALERT_DIGEST".equals(d.body().path("kind").asText()))
                .flatMap(d -> {
                    List<JsonNode> alerts = new ArrayList<>();
                    d.body().path("alerts").forEach(alerts::add);
                    return alerts.stream();
                })
                .filter(a -> a.path("alertId").asText().equals(alertId)).count();
    }

    private long bulletinDeliveries(String recipient, String bulletinId) {
        return received.stream().filter(d -> d.recipient().equals(recipient))
                .filter(d -> "BULLETIN".equals(d.body().path("kind").asText()))
                .filter(d -> d.body().path("bulletinId").asText().equals(bulletinId)).count();
    }

    private String releasedBulletin(String base, TestRoster roster) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Reply draft = api.post(base + "/api/v1/days/" + today + "/bulletin", roster.token("u-office"));
            assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
            id[0] = draft.json().get("id").asText();
        });
        assertThat(api.post(base + "/api/v1/bulletins/" + id[0] + "/approve", roster.token("u-director")).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/api/v1/bulletins/" + id[0] + "/release", roster.token("u-director")).status())
                .isEqualTo(200);
        return id[0];
    }

    /** The test roster with a JSON webhook for the principal and supervisor of 甲镇, the leader, and upstream. */
    static String withWebhooks(String yaml, String hooks) {
        String out = yaml;
        for (String user : List.of("u-a-sj", "u-sup-a", "u-leader")) {
            out = out.replaceAll("(- \\{id: " + user + ",[^\\n]*)}\\n",
                    "$1, channels: [{type: webhook, url: \"" + hooks + user + "\", format: json}]}\n");
        }
        return out.replace("recipients:\n  bulletin: [u-leader]", "recipients:\n  bulletin: [u-leader]\n"
                + "  upstream: {type: webhook, url: \"" + hooks + "upstream\", format: json}");
    }

    private void produceAlert(String kafka, String registryUrl, String alertId) throws Exception {
        Topic<String, AlertEvent> alerts = new Topics(SchemaRegistries.forUrl(registryUrl)).alerts();
        AlertEvent alert = AlertEvent.newBuilder()
                .setAlertId(alertId).setType(AlertType.MISSING).setState(AlertState.RAISED)
                .setSeverity(Severity.WARNING).setJurisdictionId("test-county").setUnitId("twn-a").setDate(today)
                .setRuleId("crash").setMessage("未按时报送").setEvidence(Map.of())
                .setRecipients(List.of("u-a-sj", "u-sup-a")).setAt(clock.instant()).build();
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(alerts.name(), alertId.getBytes(StandardCharsets.UTF_8),
                    alerts.serializeValue(alert))).get();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
