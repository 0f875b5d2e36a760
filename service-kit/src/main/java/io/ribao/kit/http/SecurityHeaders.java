package io.ribao.kit.http;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;

/**
 * Headers that keep user-typed text inert in the browser even if a page forgot to escape it: scripts and styles only
 * from this origin (the pages have no inline script), no MIME sniffing, no framing, no referrer leaving the site.
 */
public final class SecurityHeaders implements Filter {

    static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'self'";

    public static void register(Environment environment) {
        environment.servlets().addFilter("security-headers", new SecurityHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Content-Security-Policy", POLICY);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Referrer-Policy", "no-referrer");
        }
        chain.doFilter(request, response);
    }
}
