package io.ribao.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.core.ReportValidator;
import io.ribao.ingest.IngestConfiguration;
import io.ribao.ingest.IngestTestApp;
import io.ribao.ingest.MutableClock;
import io.ribao.ingest.TopicReader;
import io.ribao.kit.error.ApiError;
import io.ribao.kit.error.FieldError;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.audit.AuditEvent;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.topics.Topics;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** report-ingest end to end against a real (embedded) broker: HTTP in, Avro events in Kafka out. */
@ExtendWith(DropwizardExtensionsSupport.class)
class IngestServiceTest {

    private static final String REGISTRY = "mem://ingest-service-test";
    private static final MutableClock CLOCK = MutableClock.atShanghai("2026-03-14T10:00:00");
    private static final EmbeddedKafkaCluster KAFKA = IngestTestApp.startKafka("ingest-kafka", 3);
    private static final Topics TOPICS = new Topics(SchemaRegistries.forUrl(REGISTRY));

    static final DropwizardAppExtension<IngestConfiguration> APP = new DropwizardAppExtension<>(
            IngestTestApp.support(IngestTestApp.configuration(KAFKA.bootstrapServers(), REGISTRY), CLOCK));

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    private Invocation.Builder api(String path, String userId) {
        Invocation.Builder request = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api" + path)
                .request(MediaType.APPLICATION_JSON_TYPE).header("Accept-Language", "en");
        return userId == null ? request : request.header("Authorization", "Bearer " + DemoRoster.token(userId));
    }

    /** Reads the body at once so the client's pooled connection is free for the next request. */
    private static Response buffered(Response response) {
        response.bufferEntity();
        return response;
    }

    private static Entity<String> json(String body) {
        return Entity.entity(body, MediaType.APPLICATION_JSON_TYPE);
    }

    private static String townshipReport(String unitId, String date, long samples) {
        return """
                {"unitId": "%s", "date": "%s", "zeroReport": false,
                 "metrics": {"key_persons_screened": 12, "risk_area_arrivals": 3, "centralized_isolation": 2,
                             "home_isolation": 5, "nucleic_samples": %d, "nucleic_tested": 200, "vaccine_doses": 640},
                 "narrative": "<b>正常</b>"}""".formatted(unitId, date, samples);
    }

    private static List<ReportEvent> eventsOf(String unitId) {
        return TopicReader.readAll(KAFKA.bootstrapServers(), TOPICS.reports()).stream()
                .filter(e -> e.getUnitId().equals(unitId)).toList();
    }

    @Test
    void zeroReportIsAcceptedSignedAndDurableInTheReportsTopic() {
        Response response = buffered(api("/v1/reports", "u-donggan-sj")
                .post(json("{\"unitId\":\"twn-donggan\",\"date\":\"2026-03-14\",\"zeroReport\":true}")));

        assertThat(response.getStatus()).isEqualTo(202);
        JsonNode receipt = response.readEntity(JsonNode.class);
        assertThat(receipt.get("status").asText()).isEqualTo("SIGNED");
        assertThat(receipt.get("timeliness").asText()).isEqualTo("ON_TIME");
        assertThat(receipt.get("revision").asInt()).isEqualTo(1);
        assertThat(receipt.get("receivedAt").asText()).isEqualTo("2026-03-14T10:00:00+08:00");
        List<ReportEvent> events = eventsOf("twn-donggan");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getReportId()).isEqualTo(receipt.get("reportId").asText());
            assertThat(e.getType()).isEqualTo(ReportEventType.SIGNED_OFF);
            assertThat(e.getZeroReport()).isTrue();
            assertThat(e.getMetrics()).isNotEmpty().allSatisfy((code, value) -> assertThat(value).isZero());
        });
    }

    @Test
    void clerkSubmitsThenPrincipalSignsOffAndARevisionMarksLoweredNumbers() {
        JsonNode first = api("/v1/reports", "u-tianbao-clerk").post(json(townshipReport("twn-tianbao", "2026-03-14", 300)))
                .readEntity(JsonNode.class);
        assertThat(first.get("status").asText()).isEqualTo("PENDING_SIGNOFF");
        assertThat(first.get("timeliness").isNull()).isTrue();

        Response wrongSigner = buffered(api("/v1/reports/" + first.get("reportId").asText() + "/sign-off", "u-tianbao-clerk")
                .post(json("")));
        assertThat(wrongSigner.getStatus()).isEqualTo(403);

        JsonNode second = api("/v1/reports", "u-tianbao-clerk").post(json(townshipReport("twn-tianbao", "2026-03-14", 250)))
                .readEntity(JsonNode.class);
        Response signed = buffered(api("/v1/reports/" + second.get("reportId").asText() + "/sign-off", "u-tianbao-sj")
                .post(json("")));
        assertThat(signed.getStatus()).isEqualTo(200);
        assertThat(signed.readEntity(JsonNode.class).get("status").asText()).isEqualTo("SIGNED");

        JsonNode revisions = api("/v1/reports?unitId=twn-tianbao&date=2026-03-14", "u-dc-01").get(JsonNode.class);
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(1).get("revision").asInt()).isEqualTo(2);
        assertThat(revisions.get(1).get("status").asText()).isEqualTo("SIGNED");
        assertThat(revisions.get(1).get("lowered").get(0).get("code").asText()).isEqualTo("nucleic_samples");
        assertThat(revisions.get(1).get("narrative").asText()).isEqualTo("<b>正常</b>");
        assertThat(eventsOf("twn-tianbao")).extracting(ReportEvent::getType).containsExactly(
                ReportEventType.SUBMITTED, ReportEventType.SUBMITTED, ReportEventType.SIGNED_OFF);
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndCreatesNothing() {
        String body = "{\"unitId\":\"dep-health\",\"date\":\"2026-03-14\",\"zeroReport\":true}";
        Response first = buffered(api("/v1/reports", "u-health-clerk").header("Idempotency-Key", "retry-1").post(json(body)));
        Response retry = buffered(api("/v1/reports", "u-health-clerk").header("Idempotency-Key", "retry-1").post(json(body)));

        assertThat(retry.getStatus()).isEqualTo(202);
        assertThat(retry.readEntity(String.class)).isEqualTo(first.readEntity(String.class));
        assertThat(eventsOf("dep-health")).hasSize(1);
    }

    @Test
    void anAcceptedReportLeavesItsAuditRecordThroughTheAuditProducer() {
        JsonNode receipt = api("/v1/reports", "u-tiechang-sj").header("X-Forwarded-For", "198.51.100.4")
                .post(json("{\"unitId\":\"twn-tiechang\",\"date\":\"2026-03-14\",\"zeroReport\":true}"),
                        JsonNode.class);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(TopicReader.readAll(KAFKA.bootstrapServers(), TOPICS.audit()))
                        .anySatisfy(a -> {
                            assertThat(a.getAction()).isEqualTo("REPORT_SUBMITTED_AND_SIGNED");
                            assertThat(a.getActor()).isEqualTo("u-tiechang-sj");
                            assertThat(a.getTarget()).isEqualTo(receipt.get("reportId").asText());
                            assertThat(a.getOutcome()).isEqualTo("ACCEPTED");
                            assertThat(a.getSourceAddress()).startsWith("198.51.100.4 via ");
                        }));
    }

    @Test
    void reportForAnotherUnitIs403AndRecordedAsUnauthorizedReporting() {
        Response response = buffered(api("/v1/reports", "u-tianbao-clerk").header("X-Forwarded-For", "203.0.113.7")
                .post(json("{\"unitId\":\"twn-mali\",\"date\":\"2026-03-14\",\"zeroReport\":true}")));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("FORBIDDEN");
        assertThat(eventsOf("twn-mali")).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(TopicReader.readAll(KAFKA.bootstrapServers(), TOPICS.audit()))
                        .anySatisfy(a -> {
                            assertThat(a.getAction()).isEqualTo("UNAUTHORIZED_REPORT");
                            assertThat(a.getActor()).isEqualTo("u-tianbao-clerk");
                            assertThat(a.getTarget()).isEqualTo("twn-mali");
                            assertThat(a.getSourceAddress()).startsWith("203.0.113.7 via ");
                        }));
    }

    @Test
    void dayNotYetOpenIs422AndLockedDayIs409() {
        Response tomorrow = buffered(api("/v1/reports", "u-xinjie-sj")
                .post(json("{\"unitId\":\"twn-xinjie\",\"date\":\"2026-03-15\",\"zeroReport\":true}")));
        Response old = buffered(api("/v1/reports", "u-xinjie-sj")
                .post(json("{\"unitId\":\"twn-xinjie\",\"date\":\"2026-03-01\",\"zeroReport\":true}")));

        assertThat(tomorrow.getStatus()).isEqualTo(422);
        assertThat(tomorrow.readEntity(ApiError.class).code()).isEqualTo("DAY_NOT_OPEN");
        assertThat(old.getStatus()).isEqualTo(409);
        assertThat(old.readEntity(ApiError.class).code()).isEqualTo("DAY_LOCKED");
        assertThat(eventsOf("twn-xinjie")).isEmpty();
    }

    @Test
    void invalidMetricsAre422NamingEachField() {
        Response response = buffered(api("/v1/reports", "u-mali-sj").post(json("""
                {"unitId": "twn-mali", "date": "2026-03-14", "metrics": {"vaccine_doses": -1, "bogus": 3}}""")));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(ApiError.class).errors()).extracting(FieldError::field)
                .contains("metrics.vaccine_doses", "metrics.bogus", "metrics.nucleic_samples");
    }

    @Test
    void badRequestsAreAnsweredInTheErrorShape() {
        Response malformed = buffered(api("/v1/reports", "u-mali-sj").post(json("{\"unitId\": ")));
        Response unknownField = buffered(api("/v1/reports", "u-mali-sj")
                .post(json("{\"unitId\":\"twn-mali\",\"date\":\"2026-03-14\",\"colour\":\"red\"}")));
        Response wrongType = buffered(api("/v1/reports", "u-mali-sj").post(Entity.entity("a=b", MediaType.APPLICATION_FORM_URLENCODED)));
        Response tooLarge = buffered(api("/v1/reports", "u-mali-sj")
                .post(json("{\"unitId\":\"twn-mali\",\"narrative\":\"" + "x".repeat(300_000) + "\"}")));
        Response noToken = buffered(api("/v1/reports", null).post(json("{}")));
        Response badToken = buffered(APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/reports").request()
                .header("Authorization", "Bearer not-a-token").post(json("{}")));

        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.readEntity(ApiError.class).code()).isEqualTo("MALFORMED_JSON");
        assertThat(unknownField.getStatus()).isEqualTo(422);
        assertThat(unknownField.readEntity(ApiError.class).errors()).extracting(FieldError::field).containsExactly("colour");
        assertThat(wrongType.getStatus()).isEqualTo(415);
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(tooLarge.readEntity(ApiError.class).code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(noToken.getStatus()).isEqualTo(401);
        assertThat(badToken.getStatus()).isEqualTo(401);
        assertThat(badToken.readEntity(ApiError.class).code()).isEqualTo("UNAUTHORIZED");
        assertThat(eventsOf("twn-mali")).isEmpty();
    }

    @Test
    void aReportAtEveryFieldLimitInChineseFitsTheBodyLimit() {
        StringBuilder findings = new StringBuilder();
        for (int i = 0; i < ReportValidator.MAX_FINDINGS; i++) {
            findings.append(i == 0 ? "" : ",").append("{\"unitId\":\"chk-tianbao-port\",\"problem\":\"")
                    .append("测".repeat(ReportValidator.MAX_PROBLEM)).append("\",\"dueDate\":\"2026-03-20\"}");
        }
        String body = "{\"unitId\":\"sup-tianbao\",\"date\":\"2026-03-14\",\"metrics\":{\"inspections\":60,"
                + "\"problems_found\":50,\"problems_rectified\":0},\"narrative\":\""
                + "情".repeat(ReportValidator.MAX_NARRATIVE) + "\",\"findings\":[" + findings + "]}";
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);

        Response accepted = buffered(api("/v1/reports", "u-sup-tianbao-zz").post(json(body)));

        assertThat(accepted.getStatus()).isEqualTo(202);
        assertThat(eventsOf("sup-tianbao")).singleElement()
                .satisfies(e -> assertThat(e.getFindings()).hasSize(ReportValidator.MAX_FINDINGS));
    }

    @Test
    void rosterIsReadableAndOnlyAnAdminMayReloadIt() {
        JsonNode form = api("/v1/roster/forms/checkpoint-daily", "u-chk-tianbao-port-clerk").get(JsonNode.class);
        assertThat(form.get("name").asText()).isEqualTo("卡点日报");
        assertThat(form.get("metrics").get(0).get("code").asText()).isEqualTo("persons_registered");
        JsonNode unit = api("/v1/roster/units/chk-tianbao-port", "u-office-1").get(JsonNode.class);
        assertThat(unit.get("ancestorIds").toString()).isEqualTo("[\"demo-county\",\"twn-tianbao\"]");
        // an unknown unit or form is told in the caller's language, Chinese unless English is asked for
        Response noUnit = buffered(APP.client().target("http://localhost:" + APP.getLocalPort()
                + "/api/v1/roster/units/twn-nowhere").request()
                .header("Authorization", "Bearer " + DemoRoster.token("u-office-1")).get());
        assertThat(noUnit.getStatus()).isEqualTo(404);
        assertThat(noUnit.readEntity(ApiError.class).message()).isEqualTo("没有单位“twn-nowhere”");
        assertThat(buffered(api("/v1/roster/forms/no-such-form", "u-office-1").get()).readEntity(ApiError.class)
                .message()).isEqualTo("no form 'no-such-form'");

        Response byClerk = buffered(api("/v1/roster", "u-tianbao-clerk").post(Entity.entity(DemoRoster.yaml(), "application/yaml")));
        Response invalid = buffered(api("/v1/roster", "u-admin")
                .post(Entity.entity(DemoRoster.yaml().replace("parent: twn-babu", "parent: twn-nowhere"), "application/yaml")));
        Response reload = buffered(api("/v1/roster", "u-admin").post(Entity.entity(DemoRoster.yaml(), "application/yaml")));

        assertThat(byClerk.getStatus()).isEqualTo(403);
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.readEntity(ApiError.class).errors()).extracting(FieldError::message)
                .contains("unknown unit 'twn-nowhere'");
        // the same refusal told in Chinese to a client that does not ask for English
        ApiError inChinese = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/roster").request()
                .header("Authorization", "Bearer " + DemoRoster.token("u-admin")).header("Accept-Language", "zh-CN")
                .post(Entity.entity(DemoRoster.yaml().replace("parent: twn-babu", "parent: twn-nowhere"),
                        "application/yaml")).readEntity(ApiError.class);
        assertThat(inChinese.message()).isEqualTo("名册有误，未发布任何内容");
        assertThat(inChinese.errors()).extracting(FieldError::message).contains("没有单位“twn-nowhere”");
        assertThat(reload.getStatus()).isEqualTo(200);
        assertThat(reload.readEntity(JsonNode.class).get("units").asInt()).isEqualTo(56);
        assertThat(TopicReader.readAll(KAFKA.bootstrapServers(), TOPICS.audit()))
                .anySatisfy(a -> {
                    assertThat(a.getAction()).isEqualTo("ROSTER_RELOAD");
                    assertThat(a.getActor()).isEqualTo("u-admin");
                    assertThat(a.getOutcome()).isEqualTo("ACCEPTED");
                });
    }

    @Test
    void meTellsTheUnitAndFormAndTheWebFormAndOpenApiDocumentAreServed() {
        JsonNode me = api("/v1/me", "u-tianbao-clerk").get(JsonNode.class);
        assertThat(me.get("unitId").asText()).isEqualTo("twn-tianbao");
        assertThat(me.get("formId").asText()).isEqualTo("township-daily");
        assertThat(me.get("today").asText()).isEqualTo("2026-03-14");

        Response page = buffered(APP.client().target("http://localhost:" + APP.getLocalPort() + "/").request().get());
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.readEntity(String.class)).contains("日报");
        assertThat(page.getHeaderString("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");

        Response openapi = buffered(APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/openapi.json").request()
                .get());
        assertThat(openapi.getStatus()).isEqualTo(200);
        assertThat(openapi.readEntity(JsonNode.class).get("openapi").asText()).startsWith("3.");
    }
}
