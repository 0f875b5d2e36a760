package io.ribao.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.DropwizardTestSupport;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.IngestConfiguration;
import io.ribao.ingest.IngestTestApp;
import io.ribao.ingest.MutableClock;
import io.ribao.ingest.TopicReader;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives: idempotent retries across a restart of the service, and nothing accepted while the broker is down. */
class IngestDurabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.atShanghai("2026-03-14T10:00:00");
    private final Client client = ClientBuilder.newBuilder()
            .connectTimeout(10, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS).build();
    private EmbeddedKafkaCluster kafka;
    private Topics topics;
    private String registry;
    private DropwizardTestSupport<IngestConfiguration> app;

    @BeforeEach
    void startKafka() {
        kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        TopicAdmin.createMissing(kafka.bootstrapServers(), Topics.all(), 3, (short) 1);
        registry = "mem://durability-" + dir.getFileName();
        topics = new Topics(SchemaRegistries.forUrl(registry));
    }

    @AfterEach
    void stopAll() {
        if (app != null) {
            app.after();
        }
        client.close();
        kafka.close();
    }

    private DropwizardTestSupport<IngestConfiguration> startApp() throws Exception {
        return startApp(IngestTestApp.configuration(kafka.bootstrapServers(), registry));
    }

    private DropwizardTestSupport<IngestConfiguration> startApp(IngestConfiguration config) throws Exception {
        DropwizardTestSupport<IngestConfiguration> support = IngestTestApp.support(config, clock);
        support.before();
        return support;
    }

    private Response submit(String userId, String body, String idempotencyKey) {
        var request = client.target("http://localhost:" + app.getLocalPort() + "/api/v1/reports").request()
                .header("Authorization", "Bearer " + DemoRoster.token(userId));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        Response response = request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
        response.bufferEntity();
        return response;
    }

    private List<ReportEvent> eventsOf(String unitId) {
        return TopicReader.readAll(kafka.bootstrapServers(), topics.reports()).stream()
                .filter(e -> e.getUnitId().equals(unitId)).toList();
    }

    @Test
    void idempotentRetryReturnsTheFirstAnswerAlsoAfterARestart() throws Exception {
        String body = "{\"unitId\":\"chk-tianbao-port\",\"date\":\"2026-03-14\",\"zeroReport\":true}";
        app = startApp();
        Response first = submit("u-chk-tianbao-port-clerk", body, "after-restart-1");
        assertThat(first.getStatus()).isEqualTo(202);
        app.after();

        app = startApp();
        Response retry = submit("u-chk-tianbao-port-clerk", body, "after-restart-1");

        assertThat(retry.getStatus()).isEqualTo(202);
        assertThat(JSON.readTree(retry.readEntity(String.class))).isEqualTo(JSON.readTree(first.readEntity(String.class)));
        assertThat(eventsOf("chk-tianbao-port")).hasSize(1);
    }

    @Test
    void withTheBrokerDownTheApiAnswers503AndNothingAppearsAfterItReturns() throws Exception {
        app = startApp();
        assertThat(submit("u-babu-sj", "{\"unitId\":\"twn-tiechang\",\"date\":\"2026-03-14\",\"zeroReport\":true}",
                null).getStatus()).as("a unit the test may not report for").isEqualTo(403);
        int port = kafka.port();
        kafka.close();

        Response refused = submit("u-babu-sj", "{\"unitId\":\"twn-babu\",\"date\":\"2026-03-14\",\"zeroReport\":true,"
                + "\"narrative\":\"lost\"}", null);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(JSON.readTree(refused.readEntity(String.class)).get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");

        kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), port).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> submit("u-babu-sj",
                "{\"unitId\":\"twn-babu\",\"date\":\"2026-03-14\",\"zeroReport\":true,\"narrative\":\"marker\"}",
                "marker").getStatus() == 202);
        // same unit, same partition, in order: had the refused event been delivered late, it would be here
        List<ReportEvent> events = eventsOf("twn-babu");
        assertThat(events).extracting(ReportEvent::getNarrative).containsExactly("marker");
        assertThat(events.get(0).getRevision()).isEqualTo(1);
    }

    @Test
    void aRosterReloadWithTheBrokerDownAnswers503WithinTheBudget() throws Exception {
        app = startApp();   // publishes the roster
        app.after();
        IngestConfiguration withoutRosterFile = IngestTestApp.configuration(kafka.bootstrapServers(), registry);
        withoutRosterFile.setRosterFile(null);
        // a replica that has not published since it started: its producer has no metadata of the roster topics
        app = startApp(withoutRosterFile);
        kafka.close();

        Future<Response> reload = client.target("http://localhost:" + app.getLocalPort() + "/api/v1/roster").request()
                .header("Authorization", "Bearer " + DemoRoster.token("u-admin"))
                .async().post(Entity.entity(DemoRoster.yaml(), "application/yaml"));

        Response refused = reload.get(5, TimeUnit.SECONDS);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(JSON.readTree(refused.readEntity(String.class)).get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
    }
}
