package io.ribao.kit.error;

import static io.ribao.kit.RosterFixtures.rosterOf;
import static io.ribao.kit.RosterFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.dropwizard.auth.Auth;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.ribao.kit.auth.BearerTokenAuthFilter;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.auth.TokenAuthenticator;
import io.ribao.kit.http.BodySizeLimit;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ErrorShapeTest {

    public record Echo(String name, int count) {
    }

    @Path("/things")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ThingResource {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Echo echo(@Auth RibaoPrincipal principal, Echo echo) {
            if (echo.count() < 0) {
                throw ApiException.invalid("count", "must not be negative");
            }
            return echo;
        }

        @GET
        @Path("/office")
        @RolesAllowed("OFFICE")
        public Echo officeOnly(@Auth RibaoPrincipal principal) {
            return new Echo(principal.userId(), 1);
        }

        @GET
        @Path("/boom")
        public Echo boom(@Auth RibaoPrincipal principal) {
            throw new IllegalStateException("secret internals");
        }
    }

    private static final RosterView ROSTER = rosterOf(user("u-clerk", Role.CLERK, "twn-a", "clerk-token-0123456789"));

    static final ResourceExtension RESOURCES = ResourceExtension.builder()
            .setRegisterDefaultExceptionMappers(false)
            .setMapper(Jackson.newObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .addProvider(new AuthDynamicFeature(new BearerTokenAuthFilter.Builder()
                    .setAuthenticator(new TokenAuthenticator(ROSTER))
                    .setAuthorizer((p, role, ctx) -> p.role().name().equals(role))
                    .buildAuthFilter()))
            .addProvider(RolesAllowedDynamicFeature.class)
            .addProvider(new AuthValueFactoryProvider.Binder<>(RibaoPrincipal.class))
            .addProvider(new BodySizeLimit(100))
            .addProvider(new ApiExceptionMapper())
            .addProvider(new JsonInputExceptionMapper())
            .addProvider(new WebApplicationExceptionMapper())
            .addProvider(new ConstraintViolationMapper())
            .addProvider(new UnexpectedExceptionMapper())
            .addResource(new ThingResource())
            .build();

    private Response post(String json, MediaType type) {
        return RESOURCES.target("/things").request()
                .header("Authorization", "Bearer clerk-token-0123456789")
                .post(Entity.entity(json, type));
    }

    @Test
    void validBodyIsAccepted() {
        Response response = post("{\"name\":\"a\",\"count\":1}", MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void malformedJsonIs400InTheErrorShape() {
        Response response = post("{\"name\":", MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void wrongTypeNamesTheField() {
        Response response = post("{\"name\":\"a\",\"count\":\"many\"}", MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.readEntity(ApiError.class).errors()).extracting(FieldError::field).containsExactly("count");
    }

    @Test
    void unknownFieldIs422NamingIt() {
        Response response = post("{\"name\":\"a\",\"count\":1,\"colour\":\"red\"}", MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getStatus()).isEqualTo(422);
        ApiError error = response.readEntity(ApiError.class);
        assertThat(error.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("colour");
    }

    @Test
    void domainValidationNamesTheField() {
        Response response = post("{\"name\":\"a\",\"count\":-1}", MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(ApiError.class).errors())
                .containsExactly(new FieldError("count", "must not be negative"));
    }

    @Test
    void bodyOverTheLimitIs413() {
        Response response = post("{\"name\":\"" + "x".repeat(200) + "\",\"count\":1}", MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aDeclaredLengthBeyondAnIntIs413() {
        Response response = RESOURCES.target("/things").request().header("Content-Length", "3000000000")
                .header("Authorization", "Bearer clerk-token-0123456789").post(Entity.json("{}"));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aContentLengthThatIsNoNumberIs400NamingTheHeader() {
        for (String declared : new String[] {"abc", "-5", "1e3"}) {
            Response response = RESOURCES.target("/things").request().header("Content-Length", declared)
                    .header("Authorization", "Bearer clerk-token-0123456789").post(Entity.json("{}"));
            assertThat(response.getStatus()).as(declared).isEqualTo(400);
            ApiError error = response.readEntity(ApiError.class);
            assertThat(error.code()).isEqualTo("MALFORMED_REQUEST");
            assertThat(error.message()).contains("Content-Length");
        }
    }

    @Test
    void wrongContentTypeIs415() {
        Response response = post("name=a", MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void missingTokenIs401() {
        Response response = RESOURCES.target("/things/office").request().get();
        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void wrongRoleIs403InTheErrorShape() {
        Response response = RESOURCES.target("/things/office").request()
                .header("Authorization", "Bearer clerk-token-0123456789").get();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void unknownPathIs404InTheErrorShape() {
        Response response = RESOURCES.target("/nothing").request().get();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        Response response = RESOURCES.target("/things/boom").request()
                .header("Authorization", "Bearer clerk-token-0123456789").get();
        assertThat(response.getStatus()).isEqualTo(500);
        ApiError error = response.readEntity(ApiError.class);
        assertThat(error.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.message()).doesNotContain("secret");
        assertThat(error.errors()).isEqualTo(List.of());
    }
}
