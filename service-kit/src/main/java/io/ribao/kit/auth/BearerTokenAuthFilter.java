package io.ribao.kit.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Authenticates a request by its {@code Authorization: Bearer <token>} header and nothing else. Dropwizard's
 * {@code OAuthCredentialAuthFilter} also takes the token from an {@code access_token} query parameter, which puts it
 * in the request log (and in every proxy's); Ribao refuses a token there like no token at all (decision 441).
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenAuthFilter extends AuthFilter<String, RibaoPrincipal> {

    private BearerTokenAuthFilter() {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token = tokenOf(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        // the scheme Dropwizard's OAuth filter reports, so nothing downstream sees a difference
        if (!authenticate(request, token, SecurityContext.BASIC_AUTH)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    /** What follows {@code "<prefix> "} (the prefix in any case), or null. */
    private String tokenOf(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        return space > 0 && header.substring(0, space).equalsIgnoreCase(prefix) ? header.substring(space + 1) : null;
    }

    /** Builds the filter; the prefix is {@code Bearer} unless set otherwise. */
    public static final class Builder extends AuthFilterBuilder<String, RibaoPrincipal, BearerTokenAuthFilter> {

        public Builder() {
            setPrefix("Bearer");
        }

        @Override
        protected BearerTokenAuthFilter newInstance() {
            return new BearerTokenAuthFilter();
        }
    }
}
