package io.ribao.registry.server;

import static io.ribao.registry.server.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.registry.server.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API of the embedded registry over real HTTP, on a log held in memory. */
class RegistryApiTest {

    private MemorySchemaLog log;
    private EmbeddedSchemaRegistry registry;
    private RegistryHttp http;

    @BeforeEach
    void startRegistry() {
        log = new MemorySchemaLog();
        registry = EmbeddedSchemaRegistry.start(log, "127.0.0.1", 0);
        http = new RegistryHttp(registry.url());
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void registeringAnswersTheIdAndTheSameSchemaUnderAnotherSubjectGetsTheSameId() {
        Answer first = http.post("/subjects/ribao.reports-value/versions", schemaBody(Schemas.v1()));
        Answer second = http.post("/subjects/ribao.alerts-value/versions", schemaBody(Schemas.v1()));
        Answer other = http.post("/subjects/ribao.alerts-key/versions", schemaBody(Schemas.other()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo(RegistryHttp.MEDIA_TYPE);
        assertThat(first.body().get("id").asInt()).isEqualTo(1);
        assertThat(second.body().get("id").asInt()).isEqualTo(1);
        assertThat(other.body().get("id").asInt()).isEqualTo(2);
    }

    @Test
    void registeringTheSameSchemaAgainKeepsOneVersion() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));

        assertThat(http.get("/subjects/s/versions").body().toString()).isEqualTo("[1]");
        assertThat(log.entries()).hasSize(1);
    }

    @Test
    void aCompatibleChangeBecomesTheNextVersionWithANewId() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));
        Answer v2 = http.post("/subjects/s/versions", schemaBody(Schemas.v2WithOptionalNote()));

        assertThat(v2.body().get("id").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/s/versions").body().toString()).isEqualTo("[1,2]");
        Answer latest = http.get("/subjects/s/versions/latest");
        assertThat(latest.body().get("subject").asText()).isEqualTo("s");
        assertThat(latest.body().get("version").asInt()).isEqualTo(2);
        assertThat(latest.body().get("id").asInt()).isEqualTo(2);
        assertThat(latest.body().get("schema").asText()).isEqualTo(Schemas.v2WithOptionalNote().toString());
        assertThat(http.get("/subjects/s/versions/1").body().get("id").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/s/versions/-1").body().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/s/versions/1/schema").body().get("name").asText()).isEqualTo("Sample");
    }

    @Test
    void aSchemaIsFetchedByItsId() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));

        Answer byId = http.get("/schemas/ids/1");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.body().get("schema").asText()).isEqualTo(Schemas.v1().toString());
    }

    @Test
    void lookupAnswersSubjectIdVersionAndSchema() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));
        http.post("/subjects/s/versions", schemaBody(Schemas.v2WithOptionalNote()));

        Answer found = http.post("/subjects/s", schemaBody(Schemas.v1()));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("subject").asText()).isEqualTo("s");
        assertThat(found.body().get("id").asInt()).isEqualTo(1);
        assertThat(found.body().get("version").asInt()).isEqualTo(1);
        assertThat(found.body().get("schema").asText()).isEqualTo(Schemas.v1().toString());
    }

    @Test
    void subjectsAreListedInNameOrder() {
        http.post("/subjects/zeta-value/versions", schemaBody(Schemas.v1()));
        http.post("/subjects/alpha-value/versions", schemaBody(Schemas.v1()));

        assertThat(http.get("/subjects").body().toString()).isEqualTo("[\"alpha-value\",\"zeta-value\"]");
    }

    @Test
    void anIncompatibleChangeIsRefusedWith409AndNothingIsWritten() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));

        Answer refused = http.post("/subjects/s/versions", schemaBody(Schemas.v2WithRequiredCount()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo(RegistryHttp.MEDIA_TYPE);
        assertThat(refused.body().get("error_code").asInt()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).contains("incompatible").contains("count");
        assertThat(refused.body().size()).isEqualTo(2);
        assertThat(http.get("/subjects/s/versions").body().toString()).isEqualTo("[1]");
        assertThat(log.entries()).hasSize(1);
    }

    @Test
    void theCompatibilityEndpointAnswersWithoutRegistering() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));

        Answer yes = http.post("/compatibility/subjects/s/versions/latest", schemaBody(Schemas.v2WithOptionalNote()));
        Answer no = http.post("/compatibility/subjects/s/versions/1", schemaBody(Schemas.v2WithRequiredCount()));

        assertThat(yes.status()).isEqualTo(200);
        assertThat(yes.body().get("is_compatible").asBoolean()).isTrue();
        assertThat(no.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(http.get("/subjects/s/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void theGlobalLevelStartsBackwardAndCanBeChanged() {
        assertThat(http.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Answer changed = http.put("/config", "{\"compatibility\":\"FULL\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("compatibility").asText()).isEqualTo("FULL");
        assertThat(http.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("FULL");
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOne() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));
        assertThat(http.get("/config/s").body().get("error_code").asInt()).isEqualTo(40401);
        assertThat(http.get("/config/s?defaultToGlobal=true").body().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");

        http.put("/config/s", "{\"compatibility\":\"NONE\"}");
        Answer accepted = http.post("/subjects/s/versions", schemaBody(Schemas.other()));

        assertThat(http.get("/config/s").body().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(http.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void anUnknownSubjectAnswers40401() {
        assertError(http.get("/subjects/nobody/versions"), 404, 40401);
        assertError(http.get("/subjects/nobody/versions/latest"), 404, 40401);
        assertError(http.post("/subjects/nobody", schemaBody(Schemas.v1())), 404, 40401);
        assertError(http.post("/compatibility/subjects/nobody/versions/latest", schemaBody(Schemas.v1())), 404, 40401);
    }

    @Test
    void anUnknownVersionAnswers40402() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));

        assertError(http.get("/subjects/s/versions/7"), 404, 40402);
    }

    @Test
    void anUnknownSchemaAnswers40403() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));

        assertError(http.get("/schemas/ids/99"), 404, 40403);
        assertError(http.get("/schemas/ids/abc"), 404, 40403);
        assertError(http.post("/subjects/s", schemaBody(Schemas.other())), 404, 40403);
    }

    @Test
    void anInvalidSchemaAnswers42201AndNothingIsWritten() {
        assertError(http.post("/subjects/s/versions", "{\"schema\":\"{\\\"type\\\":\\\"recrod\\\"}\"}"), 422, 42201);
        assertError(http.post("/subjects/s/versions", "{\"notSchema\":1}"), 422, 42201);
        assertError(http.post("/subjects/s/versions", "{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"PROTOBUF\"}"),
                422, 42201);
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void anInvalidVersionAnswers42202() {
        http.post("/subjects/s/versions", schemaBody(Schemas.v1()));

        assertError(http.get("/subjects/s/versions/0"), 422, 42202);
        assertError(http.get("/subjects/s/versions/first"), 422, 42202);
    }

    @Test
    void anInvalidCompatibilityLevelAnswers42203AndChangesNothing() {
        assertError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertError(http.put("/config/s", "{}"), 422, 42203);
        assertThat(http.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void aStoreThatCannotWriteAnswers50001() {
        log.refuseWrites();

        assertError(http.post("/subjects/s/versions", schemaBody(Schemas.v1())), 500, 50001);
        assertError(http.put("/config", "{\"compatibility\":\"FULL\"}"), 500, 50001);
        assertError(http.get("/subjects/s/versions"), 404, 40401);
    }

    @Test
    void anUnknownPathAnswers404AndAKnownPathWithAnotherMethodAnswers405() {
        assertError(http.get("/nothing/here"), 404, 404);
        assertError(http.get("/subjects/s/versions/1/extra/more"), 404, 404);
        assertError(http.send("DELETE", "/subjects", null, RegistryHttp.MEDIA_TYPE), 405, 405);
    }

    @Test
    void plainJsonIsAcceptedAndOtherMediaTypesAreNot() {
        Answer json = http.send("POST", "/subjects/s/versions", schemaBody(Schemas.v1()), "application/json");
        Answer text = http.send("POST", "/subjects/t/versions", schemaBody(Schemas.v1()), "text/plain");

        assertThat(json.status()).isEqualTo(200);
        assertError(text, 415, 415);
    }

    @Test
    void aBodyThatIsNotJsonAnswers400() {
        assertError(http.post("/subjects/s/versions", "{not json"), 400, 400);
    }

    @Test
    void subjectNamesArePercentDecodedWithPlusKeptLiteral() {
        http.post("/subjects/a%20b+c/versions", schemaBody(Schemas.v1()));

        assertThat(http.get("/subjects").body().get(0).asText()).isEqualTo("a b+c");
    }

    private static void assertError(Answer answer, int status, int errorCode) {
        assertThat(answer.status()).as("status").isEqualTo(status);
        assertThat(answer.body().get("error_code").asInt()).as("error_code").isEqualTo(errorCode);
        assertThat(answer.body().get("message").asText()).as("message").isNotBlank();
        assertThat(answer.contentType()).isEqualTo(RegistryHttp.MEDIA_TYPE);
    }
}
