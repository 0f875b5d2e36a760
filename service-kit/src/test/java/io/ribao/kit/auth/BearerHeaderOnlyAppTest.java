package io.ribao.kit.auth;

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
import io.ribao.kit.error.ApiError;
import io.ribao.kit.error.RibaoErrors;
import io.ribao.schemas.roster.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RibaoAuth} takes the token from {@code Authorization: Bearer} only, never from the URL, where the request log
 * would write it (decision 441).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BearerHeaderOnlyAppTest {

    private static final String TOKEN = "clerk-token-0123456789";

    @Path("/me")
    public static class Me {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String me(@Auth RibaoPrincipal caller) {
            return caller.userId();
        }
    }

    public static class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            RibaoErrors.register(configuration, environment);
            RibaoAuth.register(environment, rosterOf(user("u-clerk", Role.CLERK, "twn-a", TOKEN)));
            environment.jersey().register(new Me());
        }
    }

    static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(App.class, LoopbackServer.configuration());

    private static WebTarget me() {
        return APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/me");
    }

    @Test
    void theTokenInTheAuthorizationHeaderIsAccepted() {
        Response response = me().request().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(String.class)).isEqualTo("u-clerk");
    }

    @Test
    void aValidTokenInTheQueryStringIsRefused() {
        // given a valid token sent as ?access_token= (RFC 6750 §2.3) and no Authorization header
        Response response = me().queryParam("access_token", TOKEN).request().get();

        // then it is refused like no token at all
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"ribao\"");
        assertThat(response.readEntity(ApiError.class).code()).isEqualTo("UNAUTHORIZED");
    }
}
