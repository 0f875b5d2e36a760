package io.ribao.kit.http;

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
import io.ribao.kit.error.RibaoErrors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link BodySizeLimit} in a real Dropwizard app, with the Content-Length a client declares, however large. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BodySizeLimitAppTest {

    @Path("/things")
    public static class Things {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public String echo(String body) {
            return body;
        }
    }

    public static class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            RibaoErrors.register(configuration, environment);
            environment.jersey().register(new BodySizeLimit(1024));
            environment.jersey().register(new Things());
        }
    }

    static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(App.class, LoopbackServer.configuration());

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "Content-Length: {0} -> {1}")
    @CsvSource({
            "2, 200, ",
            "1025, 413, PAYLOAD_TOO_LARGE",
            "2147483648, 413, PAYLOAD_TOO_LARGE",
            "3000000000, 413, PAYLOAD_TOO_LARGE",
            "abc, 400, MALFORMED_REQUEST",
    })
    void theDeclaredLengthIsCheckedWhateverItsSize(String contentLength, int status, String code) throws IOException {
        // given a body that declares its length, possibly beyond what an int holds (the body itself is short)
        RawHttp.Reply reply = RawHttp.send(APP.getLocalPort(), "POST /things HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n{}");

        // then a length over the limit is 413 in the error shape, never a 500
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        if (code != null) {
            JsonNode body = JSON.readTree(reply.body());
            assertThat(body.path("code").asText()).as(reply.toString()).isEqualTo(code);
            assertThat(body.path("message").asText()).isNotBlank();
            assertThat(body.path("errors").isArray()).isTrue();
        }
    }
}
