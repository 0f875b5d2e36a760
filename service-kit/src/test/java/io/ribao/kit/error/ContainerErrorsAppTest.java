package io.ribao.kit.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.kit.LoopbackServer;
import io.ribao.kit.RawHttp;
import io.ribao.kit.RawHttp.Reply;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses itself, before or outside Jersey, are answered in the {@link ApiError} shape as JSON, like
 * every other error (F1 in docs/reliability.md). Sent by {@link RawHttp}, so no client normalises or rejects them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContainerErrorsAppTest {

    @Path("/things/{id}")
    public static class Things {
        @POST
        @Produces(MediaType.APPLICATION_JSON)
        public String touch(@PathParam("id") String id) {
            return "{}";
        }
    }

    public static class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            environment.jersey().setUrlPattern("/api/*");
            RibaoErrors.register(configuration, environment);
            environment.jersey().register(new Things());
        }
    }


    static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(App.class, LoopbackServer.configuration());

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST, /api/things/..%2F..%2Fadmin, 400, MALFORMED_REQUEST",
            "POST, /api/things/%3Cscript%3Ealert(1)%3C%2Fscript%3E, 400, MALFORMED_REQUEST",
            "POST, /api/things/rpt%00x, 400, MALFORMED_REQUEST",
            "GET, /api/things/%zz, 400, MALFORMED_REQUEST",
            "GET, /nowhere, 404, NOT_FOUND",
            "DELETE, /nowhere, 405, METHOD_NOT_ALLOWED",
            "GET, /admin/nowhere, 404, NOT_FOUND",
    })
    void aRequestRefusedByTheContainerGetsTheJsonErrorBody(String method, String path, int status, String code)
            throws IOException {
        // given a path Jetty refuses before Jersey sees it, or one no servlet serves
        // when it is sent by a client that prefers HTML
        Reply reply = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        // then the answer is the API's error shape, as JSON
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.path("code").asText()).as(reply.toString()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("errors").isArray()).as(reply.toString()).isTrue();
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("", "没有这个资源"),
                Arguments.of("Accept-Language: zh-CN,zh;q=0.9\r\n", "没有这个资源"),
                Arguments.of("Accept-Language: en-US,en;q=0.9\r\n", "no such resource"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("languages")
    void theContainersRefusalIsToldInTheCallersLanguage(String header, String message) throws IOException {
        // given a path no servlet serves, asked for in a language (or none)
        Reply reply = send("GET /nowhere HTTP/1.1\r\nHost: localhost\r\n" + header + "Connection: close\r\n\r\n");

        // then the error body is told in it: Chinese unless English comes first
        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(JSON.readTree(reply.body()).path("message").asText()).isEqualTo(message);
    }

    static Stream<Arguments> unparseable() {
        return Stream.of(
                Arguments.of("a header line without a colon",
                        "POST /api/things/a HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n", 400,
                        "MALFORMED_REQUEST"),
                Arguments.of("an unknown protocol version", "GET /api/things/a HTTP/7.1\r\nHost: localhost\r\n\r\n",
                        505, "HTTP_VERSION_NOT_SUPPORTED"),
                Arguments.of("a space inside the URI", "GET /api/th ings/a HTTP/1.1\r\nHost: localhost\r\n\r\n", 400,
                        "MALFORMED_REQUEST"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unparseable")
    void aRequestTheHttpParserRefusesGetsTheJsonErrorBody(String what, String request, int status, String code)
            throws IOException {
        // given a request Jetty's parser cannot read
        // when it is sent
        Reply reply = send(request);

        // then it is refused in the error shape
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        assertThat(JSON.readTree(reply.body()).path("code").asText()).as(reply.toString()).isEqualTo(code);
    }

    private static Reply send(String request) throws IOException {
        return RawHttp.send(APP.getLocalPort(), request);
    }
}
