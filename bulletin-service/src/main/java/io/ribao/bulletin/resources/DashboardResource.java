package io.ribao.bulletin.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The command-office dashboard: one static page and its script and style, from the classpath. The page asks for
 * the bearer token and calls the same API as every other client.
 */
@Path("/")
public class DashboardResource {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html;charset=UTF-8",
            "dashboard.js", "text/javascript;charset=UTF-8",
            "dashboard.css", "text/css;charset=UTF-8");

    @GET
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("dashboard/{name}")
    public Response file(@PathParam("name") String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw new NotFoundException();
        }
        try (InputStream in = DashboardResource.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return Response.ok(in.readAllBytes(), type)
                    .header("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                            // a bulletin opened from the page is a blob document that inherits this policy and
                            // carries its own style element
                            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                            // the bulletin's PDF is previewed in a frame from a blob the page made from the API's
                            // answer ('self' does not cover blob:), and Chromium checks a PDF frame against object-src
                            + "frame-src 'self' blob:; object-src 'self' blob:")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
