package io.ribao.bulletin.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;

/**
 * POSTs the message as JSON. A 2xx whose body (for the robot formats) carries a non-zero {@code errcode} (WeCom,
 * DingTalk) or {@code code} (Feishu) is a failure too. {@code X-Ribao-Message-Key} lets a receiver drop a repeat
 * after a crash between sending and recording.
 *
 * <p>The whole exchange, from connecting to the last byte of the answer, takes at most the timeout: a receiver that
 * answers its headers and then stalls is cut off like one that never answers (the JDK's request timeout stops
 * counting at the headers). Only the first {@link CappedBody#LIMIT} bytes of the answer are read: a robot's answer
 * is a small JSON object.
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
        HttpResponse<String> response = exchange(request(spec, messageKey, message));
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("webhook answered HTTP " + response.statusCode());
        }
        String robotError = robotError(response.body());
        if (robotError != null) {
            throw new DeliveryFailure("robot refused the message: " + robotError);
        }
    }

    private HttpRequest request(ChannelSpec spec, String messageKey, Message message) throws DeliveryFailure {
        try {
            byte[] body = JSON.writeValueAsBytes(WebhookBodies.of(spec.format(), message));
            return HttpRequest.newBuilder(URI.create(spec.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Ribao-Message-Key", messageKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new DeliveryFailure("webhook call failed: " + e, e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) throws DeliveryFailure {
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(request, info -> new CappedBody());
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true); // aborts the exchange and closes its connection
            throw new DeliveryFailure("webhook call took longer than " + timeout, e);
        } catch (ExecutionException e) {
            throw new DeliveryFailure("webhook call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", e);
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
