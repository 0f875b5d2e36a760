package io.ribao.reliability.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Receives the services' JSON webhooks at {@code <url><recipient>} and keeps every delivery, duplicates included. */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(String recipient, String messageKey, JsonNode body) {
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            receiver.received.add(new Delivery(exchange.getRequestURI().getPath().substring(1),
                    exchange.getRequestHeaders().getFirst("X-Ribao-Message-Key"), JSON.readTree(body)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** The base URL; a recipient's hook is this followed by its user id. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** How many times the alert reached the recipient, counting every digest that carried it. */
    long alertDeliveries(String recipient, String alertId) {
        return received.stream().filter(d -> d.recipient().equals(recipient))
                .filter(d -> "ALERT_DIGEST".equals(d.body().path("kind").asText()))
                .mapToLong(d -> {
                    long n = 0;
                    for (JsonNode alert : d.body().path("alerts")) {
                        if (alert.path("alertId").asText().equals(alertId)) {
                            n++;
                        }
                    }
                    return n;
                }).sum();
    }

    /** How many times each {@code recipient|alertId} was delivered. */
    java.util.Map<String, Long> alertDeliveryCounts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Delivery d : received) {
            if ("ALERT_DIGEST".equals(d.body().path("kind").asText())) {
                d.body().path("alerts").forEach(a -> counts.merge(d.recipient() + "|" + a.path("alertId").asText(),
                        1L, Long::sum));
            }
        }
        return counts;
    }

    /** Every alert id any recipient was sent. */
    List<String> alertIdsDelivered() {
        return received.stream().filter(d -> "ALERT_DIGEST".equals(d.body().path("kind").asText()))
                .flatMap(d -> {
                    List<String> ids = new java.util.ArrayList<>();
                    d.body().path("alerts").forEach(a -> ids.add(a.path("alertId").asText()));
                    return ids.stream();
                }).distinct().toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
