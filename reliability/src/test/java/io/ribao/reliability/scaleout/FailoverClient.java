package io.ribao.reliability.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A report client in front of several report-ingest instances, as a load balancer with affinity would be: it asks
 * its preferred instance first and, on a connection error or a 503 (nothing was accepted), sends the same request
 * with the same Idempotency-Key to the next instance, so a retry can never create a second report.
 */
final class FailoverClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 8;

    /** The answer that was finally given, and how many instances were tried before it. */
    record Answer(int status, JsonNode body, int failovers) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> instances;

    FailoverClient(List<String> instances) {
        this.instances = List.copyOf(instances);
    }

    Answer submit(int preferred, String token, String idempotencyKey, String json) throws InterruptedException {
        IOException last = null;
        int failovers = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String base = instances.get((preferred + attempt) % instances.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 503) {
                    return new Answer(response.statusCode(), JSON.readTree(response.body()), failovers);
                }
            } catch (IOException e) {
                last = e;
            }
            failovers++;
        }
        throw new IllegalStateException("no report-ingest instance accepted " + idempotencyKey, last);
    }
}
