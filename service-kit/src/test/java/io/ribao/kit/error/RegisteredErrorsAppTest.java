package io.ribao.kit.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.kit.LoopbackServer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        Response response = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/things")
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
}
