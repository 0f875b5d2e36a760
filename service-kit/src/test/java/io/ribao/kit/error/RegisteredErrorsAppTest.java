package io.ribao.kit.error;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.kit.LoopbackServer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** {@code RibaoErrors.register(environment)} alone, in a real Dropwizard app, wins over Dropwizard's own mappers. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegisteredErrorsAppTest {

    public record Body(String name) {
    }

    @Path("/things")
    public static class Things {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Body echo(Body body) {
            if (body.name() == null) {
                throw new IllegalStateException("internal detail");
            }
            return body;
        }

        @GET
        @Path("/opaque")
        @Produces(MediaType.APPLICATION_JSON)
        public Opaque opaque() {
            return new Opaque();
        }

        @POST
        @Path("/shapes")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public String shape(Shape shape) {
            return "{}";
        }
    }

    /** Nothing Jackson can write: no getters, no public fields (a server fault, whatever the client sent). */
    public static class Opaque {
        private final String secret = "internal detail";
    }

    /** Nothing Jackson can construct: an interface with no type information. */
    public interface Shape {
    }

    public static class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            RibaoErrors.register(environment);
            environment.jersey().register(new Things());
        }
    }


    static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(App.class, LoopbackServer.configuration());

    private Response post(String json) {
        return post("/things", json);
    }

    private Response post(String path, String json) {
        Response response = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + path)
                .request().post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
        response.bufferEntity();
        return response;
    }

    @Test
    void malformedJsonIsAnsweredInTheRibaoShape() {
        Response response = post("{\"name\":");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void unknownFieldIsRefusedByName() {
        Response response = post("{\"name\":\"a\",\"extra\":1}");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(ApiError.class).errors()).extracting(FieldError::field).containsExactly("extra");
    }

    @Test
    void unexpectedFailureIsA500WithoutDetail() {
        Response response = post("{}");
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.readEntity(String.class)).doesNotContain("internal detail").contains("INTERNAL_ERROR");
    }

    @Test
    void aResponseJacksonCannotWriteIsALogged500WithAReference() {
        // given a resource whose answer Jackson cannot serialize
        ListAppender<ILoggingEvent> logged = captureUnexpectedFailures();
        try {
            Response response = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/things/opaque")
                    .request().get();

            // then it is the server's fault: 500, not the client's 400, and logged under the reference it quotes
            assertThat(response.getStatus()).isEqualTo(500);
            ApiError error = response.readEntity(ApiError.class);
            assertThat(error.code()).isEqualTo("INTERNAL_ERROR");
            assertThat(error.message()).doesNotContain("internal detail").doesNotContain("Opaque");
            assertThat(logged.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                String reference = event.getFormattedMessage().replaceFirst(".*reference ", "");
                assertThat(error.message()).endsWith(" " + reference);
            });
        } finally {
            release(logged);
        }
    }

    @Test
    void aRequestTypeJacksonCannotConstructIsA500() {
        ListAppender<ILoggingEvent> logged = captureUnexpectedFailures();
        try {
            Response response = post("/things/shapes", "{}");
            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(response.readEntity(ApiError.class).code()).isEqualTo("INTERNAL_ERROR");
            assertThat(logged.list).hasSize(1);
        } finally {
            release(logged);
        }
    }

    private static ListAppender<ILoggingEvent> captureUnexpectedFailures() {
        Logger logger = (Logger) LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(Level.ERROR);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
        logger.detachAppender(appender);
        logger.setAdditive(true);
        logger.setLevel(Level.OFF);
    }
}
