package io.ribao.kit.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.jersey.server.model.Resource;

/**
 * A service's hand-written OpenAPI 3 document (kept identical in docs/api/), served as JSON at a path of the
 * service's choosing.
 */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    /** A Jersey resource answering {@code GET path} with the classpath document {@code classpathResource}. */
    public static Resource at(String path, String classpathResource) {
        String document = read(classpathResource);
        Resource.Builder resource = Resource.builder(path);
        resource.addMethod("GET").produces(MediaType.APPLICATION_JSON_TYPE)
                .handledBy(context -> Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build());
        return resource.build();
    }

    static String read(String classpathResource) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException(classpathResource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
