package io.ribao.bulletin.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.kit.auth.BearerTokenAuthFilter;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.RibaoErrors;
import io.ribao.kit.http.SourceParam;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bulletin endpoints over real HTTP, on a minimal application with the feature's one-line registration. */
@ExtendWith({RestoredTestLogging.class, DropwizardExtensionsSupport.class})
class BulletinResourceTest {

    private static final Jdbi JDBI = seeded();
    private static final Map<String, RibaoPrincipal> TOKENS = Map.of(
            "office-token", new RibaoPrincipal("u-office", "办公室", Role.OFFICE, null, "demo-county"),
            "director-token", new RibaoPrincipal("u-director", "指挥长", Role.DIRECTOR, null, "demo-county"),
            "leader-token", new RibaoPrincipal("u-leader-1", "张三", Role.LEADER, null, "demo-county"),
            "clerk-token", new RibaoPrincipal("u-clerk", "王五", Role.CLERK, "twn-a", "demo-county"),
            "other-office-token", new RibaoPrincipal("u-office-2", "办公室", Role.OFFICE, null, "other-county"),
            "other-director-token", new RibaoPrincipal("u-director-2", "指挥长", Role.DIRECTOR, null, "other-county"));

    private static final DropwizardAppExtension<Configuration> APP = new DropwizardAppExtension<>(
            FeatureApplication.class, null,
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"),
            ConfigOverride.config("logging.level", "WARN"));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    public static final class FeatureApplication extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment env) {
            RibaoErrors.register(configuration, env);
            env.jersey().register(new AuthDynamicFeature(new BearerTokenAuthFilter.Builder()
                    .setAuthenticator(token -> Optional.ofNullable(TOKENS.get(token)))
                    .setAuthorizer((principal, role, context) -> principal.role().name().equals(role))
                    .buildAuthFilter()));
            env.jersey().register(RolesAllowedDynamicFeature.class);
            env.jersey().register(new AuthValueFactoryProvider.Binder<>(RibaoPrincipal.class));
            SourceParam.register(env);
            // the roster holds the seeded read model's jurisdiction
            BulletinFeature.register(env, JDBI,
                    RosterView.fixed(List.of(Fixtures.jurisdiction()), List.of(), List.of(), List.of()),
                    Clock.fixed(Instant.parse("2026-03-14T10:30:00Z"), ZoneOffset.UTC),
                    BulletinDelivery.NONE, BulletinPublisher.NONE);
        }
    }

    private static Jdbi seeded() {
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        ReadModelSeed.oneDay(jdbi);
        return jdbi;
    }

    @Test
    void theOfficeDraftsTheDirectorApprovesAndReleasesAndTheRefusalsAre409() throws Exception {
        // given a draft made by the office
        HttpResponse<String> drafted = send("POST", "/api/v1/days/2026-03-14/bulletin", "office-token", null);
        assertThat(drafted.statusCode()).isEqualTo(201);
        JsonNode draft = mapper.readTree(drafted.body());
        String id = draft.get("id").asText();
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("version").asInt()).isEqualTo(1);
        assertThat(draft.get("issueNo").isNull()).isTrue();
        assertThat(draft.get("overview").get("expected").asInt()).isEqualTo(4);
        assertThat(draft.get("notices").get("missing").get(0).get("name").asText()).isEqualTo("董干镇");

        // leaders do not see it before release
        assertThat(send("GET", "/api/v1/bulletins/" + id, "leader-token", null).statusCode()).isEqualTo(404);
        assertThat(mapper.readTree(send("GET", "/api/v1/bulletins?date=2026-03-14", "leader-token", null).body()))
                .isEmpty();

        // when it is released before approval: 409 NOT_APPROVED
        HttpResponse<String> early = send("POST", "/api/v1/bulletins/" + id + "/release", "director-token", null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(early.body()).get("code").asText()).isEqualTo("NOT_APPROVED");
        // told in Chinese, or in English when the client asks for it
        assertThat(mapper.readTree(early.body()).get("message").asText())
                .isEqualTo("专报 " + id + " 尚未经指挥长审核同意，不能发布");
        HttpResponse<String> earlyInEnglish = send("POST", "/api/v1/bulletins/" + id + "/release", "director-token",
                null, "en-US,en;q=0.9");
        assertThat(mapper.readTree(earlyInEnglish.body()).get("message").asText())
                .isEqualTo("bulletin " + id + " has not been approved; it cannot be released");

        // the office writes the next steps; the director approves
        HttpResponse<String> edited = send("PUT", "/api/v1/bulletins/" + id + "/narrative", "office-token",
                "{\"text\":\"一是<script>x</script>加强值守。\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        HttpResponse<String> approved = send("POST", "/api/v1/bulletins/" + id + "/approve", "director-token", null);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(approved.body()).get("issueNo").asInt()).isEqualTo(1);
        assertThat(mapper.readTree(approved.body()).get("contentSha256").asText()).hasSize(64);

        // editing after approval: 409
        HttpResponse<String> late = send("PUT", "/api/v1/bulletins/" + id + "/narrative", "office-token",
                "{\"text\":\"改\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(late.body()).get("message").asText())
                .isEqualTo("专报 " + id + " 已审核，只有草稿可以修改（更正请另起新版本）");

        // release: 200 RELEASED, listed for the day
        HttpResponse<String> released = send("POST", "/api/v1/bulletins/" + id + "/release", "office-token", null);
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(released.body()).get("state").asText()).isEqualTo("RELEASED");
        JsonNode list = mapper.readTree(send("GET", "/api/v1/bulletins?date=2026-03-14", "leader-token", null).body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("state").asText()).isEqualTo("RELEASED");

        // every format answers; the HTML escapes what the office typed
        HttpResponse<String> html = send("GET", "/api/v1/bulletins/" + id + "/html", "leader-token", null);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("示例县疫情防控工作专报", "第1期", "&lt;script&gt;").doesNotContain("<script>");
        HttpResponse<byte[]> pdf = sendBytes("/api/v1/bulletins/" + id + "/pdf");
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        HttpResponse<byte[]> docx = sendBytes("/api/v1/bulletins/" + id + "/docx");
        assertThat(docx.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(BulletinResource.DOCX);
        assertThat(new String(docx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    void aDraftChangedSinceTheDirectorReadItIsNotApprovedUntilReadAgain() throws Exception {
        // given the director reads a draft, and the office then edits it
        String id = mapper.readTree(send("POST", "/api/v1/days/2026-03-16/bulletin", "office-token", null).body())
                .get("id").asText();
        JsonNode read = mapper.readTree(send("GET", "/api/v1/bulletins/" + id, "director-token", null).body());
        String reviewed = read.get("draftSha256").asText();
        assertThat(reviewed).hasSize(64);
        assertThat(mapper.readTree(send("GET", "/api/v1/bulletins?date=2026-03-16", "director-token", null).body())
                .get(0).get("draftSha256").asText()).isEqualTo(reviewed);
        send("PUT", "/api/v1/bulletins/" + id + "/narrative", "office-token", "{\"text\":\"一是加强值守。\"}");

        // when the director approves what they read: 409, and it stays a draft without an issue number
        HttpResponse<String> stale = send("POST", "/api/v1/bulletins/" + id + "/approve", "director-token", null, null,
                Map.of("If-Match", "\"" + reviewed + "\""));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(stale.body()).get("code").asText()).isEqualTo("CHANGED_SINCE_REVIEW");
        JsonNode now = mapper.readTree(send("GET", "/api/v1/bulletins/" + id, "director-token", null).body());
        assertThat(now.get("state").asText()).isEqualTo("DRAFT");
        assertThat(now.get("issueNo").isNull()).isTrue();

        // a malformed tag is named; the draft as read again is approved
        HttpResponse<String> malformed = send("POST", "/api/v1/bulletins/" + id + "/approve", "director-token", null,
                null, Map.of("If-Match", "\"v1\""));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(mapper.readTree(malformed.body()).get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        HttpResponse<String> approved = send("POST", "/api/v1/bulletins/" + id + "/approve", "director-token", null,
                null, Map.of("If-Match", "\"" + now.get("draftSha256").asText() + "\""));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(approved.body()).get("state").asText()).isEqualTo("APPROVED");
        assertThat(mapper.readTree(approved.body()).get("draftSha256").isNull()).isTrue();
    }

    @Test
    void onlyTheOfficeDraftsAndOnlyTheDirectorApproves() throws Exception {
        assertThat(send("POST", "/api/v1/days/2026-03-15/bulletin", "leader-token", null).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/days/2026-03-15/bulletin", null, null).statusCode()).isEqualTo(401);
        String id = mapper.readTree(send("POST", "/api/v1/days/2026-03-15/bulletin", "office-token", null).body())
                .get("id").asText();
        assertThat(send("POST", "/api/v1/bulletins/" + id + "/approve", "office-token", null).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/bulletins/" + id + "/release", "clerk-token", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anotherJurisdictionsBulletinIsNotFoundForReleaseAsItIsForApproval() throws Exception {
        // given a demo-county bulletin, approved by its director (another year: its issue number is 第1期 too)
        String id = mapper.readTree(send("POST", "/api/v1/days/2027-03-17/bulletin", "office-token", null).body())
                .get("id").asText();
        HttpResponse<String> foreignApproval = send("POST", "/api/v1/bulletins/" + id + "/approve",
                "other-director-token", null);
        assertThat(foreignApproval.statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/bulletins/" + id + "/approve", "director-token", null).statusCode())
                .isEqualTo(200);

        // when the office and the director of another jurisdiction release it
        HttpResponse<String> byOtherOffice = send("POST", "/api/v1/bulletins/" + id + "/release",
                "other-office-token", null);
        HttpResponse<String> byOtherDirector = send("POST", "/api/v1/bulletins/" + id + "/release",
                "other-director-token", null);

        // then both are answered as the approval was, and the bulletin stays approved
        assertThat(byOtherOffice.statusCode()).isEqualTo(404);
        assertThat(byOtherDirector.statusCode()).isEqualTo(404);
        assertThat(byOtherDirector.body()).isEqualTo(foreignApproval.body());
        assertThat(mapper.readTree(send("GET", "/api/v1/bulletins/" + id, "office-token", null).body())
                .get("state").asText()).isEqualTo("APPROVED");
        assertThat(send("PUT", "/api/v1/bulletins/" + id + "/narrative", "other-office-token",
                "{\"text\":\"改\"}").statusCode()).isEqualTo(404);
        // and every attempt of the other jurisdiction is on record
        List<String> refusals = JDBI.withHandle(h -> h.createQuery("""
                        SELECT actor || ' ' || action || ' ' || (detail ->> 'code')
                        FROM audit WHERE target = :id AND detail ->> 'outcome' = 'REFUSED' ORDER BY id""")
                .bind("id", id).mapTo(String.class).list());
        assertThat(refusals).containsExactly(
                "u-director-2 BULLETIN_APPROVE NOT_FOUND", "u-office-2 BULLETIN_RELEASE NOT_FOUND",
                "u-director-2 BULLETIN_RELEASE NOT_FOUND", "u-office-2 BULLETIN_EDIT NOT_FOUND");
    }

    @Test
    void anApprovalOrANarrativeEditByTheWrongRoleIs403AndAudited() throws Exception {
        // given a draft
        String id = mapper.readTree(send("POST", "/api/v1/days/2026-03-18/bulletin", "office-token", null).body())
                .get("id").asText();

        // when the office and a leader approve it, and the director edits it (the last one without a valid body)
        HttpResponse<String> byOffice = send("POST", "/api/v1/bulletins/" + id + "/approve", "office-token", null);
        HttpResponse<String> byLeader = send("POST", "/api/v1/bulletins/" + id + "/approve", "leader-token", null);
        HttpResponse<String> byDirector = send("PUT", "/api/v1/bulletins/" + id + "/narrative", "director-token",
                "{}");

        // then each is refused as before, and each refusal is written to the audit
        assertThat(byOffice.statusCode()).isEqualTo(403);
        assertThat(byLeader.statusCode()).isEqualTo(403);
        assertThat(byDirector.statusCode()).isEqualTo(403);
        assertThat(mapper.readTree(byOffice.body()).get("message").asText()).isEqualTo("只有指挥长可以审核专报");
        assertThat(mapper.readTree(byDirector.body()).get("message").asText()).isEqualTo("只有指挥部办公室可以修改专报");
        List<String> refusals = JDBI.withHandle(h -> h.createQuery("""
                        SELECT actor || ' ' || action || ' ' || (detail ->> 'outcome') || ' ' || (detail ->> 'code')
                               || ' ' || (detail ->> 'role')
                        FROM audit WHERE target = :id AND detail ->> 'outcome' = 'REFUSED' ORDER BY id""")
                .bind("id", id).mapTo(String.class).list());
        assertThat(refusals).containsExactly(
                "u-office BULLETIN_APPROVE REFUSED FORBIDDEN OFFICE",
                "u-leader-1 BULLETIN_APPROVE REFUSED FORBIDDEN LEADER",
                "u-director BULLETIN_EDIT REFUSED FORBIDDEN DIRECTOR");
        assertThat(mapper.readTree(send("GET", "/api/v1/bulletins/" + id, "office-token", null).body())
                .get("state").asText()).isEqualTo("DRAFT");
    }

    @Test
    void aMalformedDateIs400NamingTheField() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/v1/days/14-03-2026/bulletin", "office-token", null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(answer.body()).get("errors").get(0).get("field").asText()).isEqualTo("date");
        assertThat(mapper.readTree(answer.body()).get("errors").get(0).get("message").asText())
                .isEqualTo("须为日期，格式 YYYY-MM-DD");
    }

    @Test
    void aMissingNarrativeTextIs422AnUnknownFieldIsNamedAndAnUnknownBulletinIs404() throws Exception {
        String id = mapper.readTree(send("POST", "/api/v1/days/2026-03-16/bulletin", "office-token", null).body())
                .get("id").asText();

        HttpResponse<String> noText = send("PUT", "/api/v1/bulletins/" + id + "/narrative", "office-token", "{}");
        HttpResponse<String> unknownField = send("PUT", "/api/v1/bulletins/" + id + "/narrative", "office-token",
                "{\"text\":\"x\",\"colour\":\"red\"}");
        assertThat(unknownField.statusCode()).isBetween(400, 422);
        assertThat(unknownField.body()).contains("colour");
        assertThat(noText.statusCode()).isEqualTo(422);
        assertThat(noText.body()).contains("\"field\":\"text\"");
        assertThat(send("GET", "/api/v1/bulletins/nope", "office-token", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aNulCharacterInTheNarrativeIs422NamingTextAndChangesNothing() throws Exception {
        // given a draft whose narrative the office has written
        String id = mapper.readTree(send("POST", "/api/v1/days/2026-03-19/bulletin", "office-token", null).body())
                .get("id").asText();
        assertThat(send("PUT", "/api/v1/bulletins/" + id + "/narrative", "office-token",
                "{\"text\":\"一是加强值守。\"}").statusCode()).isEqualTo(200);
        String before = send("GET", "/api/v1/bulletins/" + id, "office-token", null).body();

        // when the office sends a text holding U+0000, which PostgreSQL cannot store
        HttpResponse<String> answer = send("PUT", "/api/v1/bulletins/" + id + "/narrative", "office-token",
                "{\"text\":\"a\\u0000b\"}");

        // then it is refused naming the field, the bulletin is as it was and no edit is audited
        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode error = mapper.readTree(answer.body());
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertThat(error.get("errors").get(0).get("message").asText()).contains("U+0000");
        assertThat(send("GET", "/api/v1/bulletins/" + id, "office-token", null).body()).isEqualTo(before);
        int edits = JDBI.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit WHERE target = :id AND action = 'BULLETIN_EDIT'")
                .bind("id", id).mapTo(Integer.class).one());
        assertThat(edits).as("only the first, accepted edit is audited").isEqualTo(1);
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return send(method, path, token, json, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json, String acceptLanguage)
            throws IOException, InterruptedException {
        return send(method, path, token, json, acceptLanguage, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String token, String json, String acceptLanguage,
                                      Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json; charset=UTF-8");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> sendBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer leader-token").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
    }
}
