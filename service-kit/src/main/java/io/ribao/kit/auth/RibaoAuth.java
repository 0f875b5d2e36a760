package io.ribao.kit.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.UnauthorizedHandler;
import io.dropwizard.core.setup.Environment;
import io.ribao.kit.roster.RosterView;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Bearer-token authentication against the roster, and role checks by {@code @RolesAllowed("OFFICE")} etc. (the role
 * names of {@link io.ribao.schemas.roster.Role}). Resources take {@code @Auth RibaoPrincipal}. The token is read from
 * the {@code Authorization} header only ({@link BearerTokenAuthFilter}).
 */
public final class RibaoAuth {

    private RibaoAuth() {
    }

    public static void register(Environment environment, RosterView roster) {
        environment.jersey().register(new AuthDynamicFeature(
                new BearerTokenAuthFilter.Builder()
                        .setAuthenticator(new TokenAuthenticator(roster))
                        .setAuthorizer((principal, role, context) -> principal.role().name().equals(role))
                        .setPrefix("Bearer")
                        .setRealm("ribao")
                        .setUnauthorizedHandler(new ErrorShapeUnauthorizedHandler())
                        .buildAuthFilter()));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(RibaoPrincipal.class));
    }

    /**
     * 401 with the challenge header clients expect; the body, in the API's error shape and the caller's language, is
     * written by {@link io.ribao.kit.error.WebApplicationExceptionMapper}.
     */
    static final class ErrorShapeUnauthorizedHandler implements UnauthorizedHandler {
        @Override
        public Response buildResponse(String prefix, String realm) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                    .build();
        }
    }
}
