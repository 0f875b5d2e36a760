package io.ribao.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the services under test: every request is bounded, every answer kept whole. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Reply(int status, byte[] bytes, String contentType) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body(), e);
            }
        }

        /** The API's error shape {@code {"code", "message", ...}} (DESIGN.md §8). */
        public boolean isErrorShape() {
            try {
                JsonNode node = JSON.readTree(bytes);
                return node != null && node.hasNonNull("code") && node.path("code").isTextual()
                        && node.hasNonNull("message") && !node.path("message").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            String text = body();
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    public Reply send(String method, String url, String token, String contentType, byte[] body,
                      Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException closed) {
                // after answering an oversized body early (413) the server closes the connection, and the client
                // may pick that closed connection from its pool for the next request: that request never reached
                // the server, so sending it once more on a new connection is safe
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Reply get(String url, String token) {
        return send("GET", url, token, null, null, Map.of());
    }

    public Reply postJson(String url, String token, String json) {
        return send("POST", url, token, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Reply post(String url, String token) {
        return send("POST", url, token, null, null, Map.of());
    }

    public Reply putJson(String url, String token, String json) {
        return send("PUT", url, token, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** For a streaming endpoint (server-sent events): only the status counts, the stream is closed at once. */
    public int statusOfStream(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
