package io.ribao.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load generator against the JDK's HTTP server: what it sends, how it counts, how it copes with closing. */
class LoadGeneratorTest {

    private static final List<LoadGenerator.Call> CALLS = List.of(
            new LoadGenerator.Call("token-a", "{\"unitId\": \"u-1\", \"ok\": true}"),
            new LoadGenerator.Call("token-b", "{\"unitId\": \"u-2\", \"ok\": false}"));

    private HttpServer server;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aClosedLoopCountsAnswersByStatusAndSendsEachCallWhole() throws Exception {
        URI uri = serve(false);
        LoadResult result = new LoadGenerator(4).closedLoop("test", uri, CALLS, Duration.ofMillis(200),
                Duration.ofMillis(500));
        assertThat(result.failed()).isZero();
        assertThat(result.accepted()).isPositive();
        assertThat(result.rejected()).isBetween(result.accepted() - 4, result.accepted() + 4);
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(result.accepted());
        assertThat(requests.get()).isGreaterThanOrEqualTo((int) (result.accepted() + result.rejected()));
        assertThat(seen).containsExactlyInAnyOrder(
                "Bearer token-a " + CALLS.get(0).body(), "Bearer token-b " + CALLS.get(1).body());
    }

    @Test
    void anOpenLoopSendsEveryRequestDueInTheWindowWhateverTheAnswers() throws Exception {
        URI uri = serve(false);
        LoadResult result = new LoadGenerator(8).openLoop("test", uri, List.of(CALLS.get(0)), 200,
                Duration.ofMillis(300), Duration.ofSeconds(1));
        // due times are fixed by the rate: 200 fall in the measured second, whenever they are answered
        assertThat(result.accepted()).isBetween(199L, 201L);
        assertThat(result.failed()).isZero();
        assertThat(result.percentileMillis(50)).isLessThan(1_000);
    }

    @Test
    void chunkedAnswersAndClosedConnectionsAreFollowed() throws Exception {
        URI uri = serve(true);
        LoadResult result = new LoadGenerator(2).closedLoop("test", uri, List.of(CALLS.get(0)), Duration.ZERO,
                Duration.ofMillis(300));
        assertThat(result.accepted()).isGreaterThan(10);
        assertThat(result.failed()).isZero();
    }

    /** A server answering 202 to {@code "ok": true} and 422 otherwise; chunked and closing when asked. */
    private URI serve(boolean chunkedAndClose) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/api/v1/reports", exchange -> answer(exchange, chunkedAndClose));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/reports");
    }

    private void answer(HttpExchange exchange, boolean chunkedAndClose) throws IOException {
        requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        byte[] answer = "{\"status\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);
        if (chunkedAndClose) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(body.contains("\"ok\": true") ? 202 : 422, chunkedAndClose ? 0 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
