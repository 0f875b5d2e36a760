package io.ribao.bulletin.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * POSTs the message as JSON. A 2xx whose body (for the robot formats) carries a non-zero {@code errcode} (WeCom,
 * DingTalk) or {@code code} (Feishu) is a failure too. {@code X-Ribao-Message-Key} lets a receiver drop a repeat
 * after a crash between sending and recording.
 */
public final class WebhookChannel implements Channel {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    private final HttpClient client;
    private final Duration timeout;

    public WebhookChannel(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void deliver(Handle handle, long outboxId, String messageKey, String recipientId, ChannelSpec spec,
                        Message message) throws DeliveryFailure {
        if (spec.url() == null || !(spec.url().startsWith("http://") || spec.url().startsWith("https://"))) {
            throw new DeliveryFailure("webhook has no http(s) url");
        }
        HttpResponse<String> response;
        try {
            byte[] body = JSON.writeValueAsBytes(WebhookBodies.of(spec.format(), message));
            HttpRequest request = HttpRequest.newBuilder(URI.create(spec.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Ribao-Message-Key", messageKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new DeliveryFailure("webhook call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("webhook answered HTTP " + response.statusCode());
        }
        String robotError = robotError(response.body());
        if (robotError != null) {
            throw new DeliveryFailure("robot refused the message: " + robotError);
        }
    }

    private static String robotError(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"errcode", "code"}) {
                JsonNode code = node.get(field);
                if (code != null && code.isNumber() && code.asInt() != 0) {
                    return field + " " + code.asInt();
                }
            }
            return null;
        } catch (IOException e) {
            return null; // a plain receiver may answer anything with a 2xx
        }
    }
}
