package io.ribao.kit.error;

import static io.ribao.kit.RosterFixtures.rosterOf;
import static io.ribao.kit.RosterFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.auth.Auth;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.kit.LoopbackServer;
import io.ribao.kit.auth.RibaoAuth;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.i18n.Text;
import io.ribao.schemas.roster.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Error bodies are told in the caller's language (Chinese unless {@code Accept-Language} puts English first), in a real
 * Dropwizard app with {@link RibaoErrors} and {@link RibaoAuth}: the domain's refusals and the framework's alike.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ErrorLanguageAppTest {

    private static final String TOKEN = "clerk-token-0123456789";

    public record Body(int count) {
    }

    @Path("/things")
    public static class Things {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Body post(@Auth RibaoPrincipal caller, Body body) {
            if (body.count() < 0) {
                throw ApiException.invalid("count", Text.of("不得为负数", "must not be negative"));
            }
            if (body.count() > 9) {
                throw ApiException.conflict("TOO_MANY", Text.of("太多了", "too many"));
            }
            return body;
        }
    }

    public static class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            RibaoErrors.register(environment);
            RibaoAuth.register(environment, rosterOf(user("u-clerk", Role.CLERK, "twn-a", TOKEN)));
            environment.jersey().register(new Things());
        }
    }

    static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(App.class, LoopbackServer.configuration());

    private static Invocation.Builder things(String acceptLanguage, boolean signedIn) {
        Invocation.Builder request = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/things")
                .request();
        if (acceptLanguage != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return signedIn ? request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN) : request;
    }

    private static ApiError post(String acceptLanguage, String json, int status) {
        Response response = things(acceptLanguage, true).post(Entity.json(json));
        assertThat(response.getStatus()).isEqualTo(status);
        return response.readEntity(ApiError.class);
    }

    @Test
    void aValidationFailureIsToldInChineseByDefault() {
        ApiError error = post(null, "{\"count\":-1}", 422);
        assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.message()).isEqualTo("请求内容有误");
        assertThat(error.errors()).containsExactly(new FieldError("count", "不得为负数"));
    }

    @Test
    void aValidationFailureIsToldInEnglishWhenAskedFor() {
        ApiError error = post("en-US,en;q=0.9", "{\"count\":-1}", 422);
        assertThat(error.message()).isEqualTo("the request is invalid");
        assertThat(error.errors()).containsExactly(new FieldError("count", "must not be negative"));
    }

    @Test
    void aConflictKeepsItsCodeInEitherLanguage() {
        assertThat(post("zh-CN", "{\"count\":10}", 409)).isEqualTo(ApiError.of("TOO_MANY", "太多了"));
        assertThat(post("en", "{\"count\":10}", 409)).isEqualTo(ApiError.of("TOO_MANY", "too many"));
    }

    @Test
    void jsonRefusalsAreToldInTheCallersLanguage() {
        assertThat(post(null, "{\"count\":1,\"colour\":\"red\"}", 422))
                .isEqualTo(new ApiError("UNKNOWN_FIELD", "不认识的字段“colour”",
                        java.util.List.of(new FieldError("colour", "不认识的字段"))));
        assertThat(post("en", "{\"count\":", 400).message()).isEqualTo("the body is not valid JSON");
        assertThat(post(null, "{\"count\":", 400).message()).isEqualTo("请求内容不是有效的 JSON");
    }

    @Test
    void theFrameworksRefusalsAreToldInTheCallersLanguage() {
        Response wrongType = things(null, true).post(Entity.entity("count=1", MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(wrongType.getStatus()).isEqualTo(415);
        assertThat(wrongType.readEntity(ApiError.class)).isEqualTo(ApiError.of("UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型"));

        Response english = things("en", true).post(Entity.entity("count=1", MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(english.readEntity(ApiError.class).message()).isEqualTo("unsupported content type");
    }

    @Test
    void aMissingTokenIs401InTheCallersLanguageWithItsChallenge() {
        Response chinese = things(null, false).post(Entity.json("{\"count\":1}"));
        assertThat(chinese.getStatus()).isEqualTo(401);
        assertThat(chinese.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"ribao\"");
        assertThat(chinese.readEntity(ApiError.class)).isEqualTo(ApiError.of("UNAUTHORIZED", "请先登录：需要有效的令牌"));

        Response english = things("en", false).post(Entity.json("{\"count\":1}"));
        assertThat(english.readEntity(ApiError.class)).isEqualTo(ApiError.of("UNAUTHORIZED", "a valid bearer token is required"));
    }
}
