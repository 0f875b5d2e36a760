package io.ribao.bulletin.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real local HTTP receiver for webhooks: records every body per path, answers a status the test sets. Under a path
 * starting with {@code /wecom} it answers as a WeCom robot does: errcode 40058 for markdown content over 4096 bytes.
 * A path can be held: its calls wait until the test releases them.
 */
final class Receiver implements AutoCloseable {

    static final int WECOM_MARKDOWN_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String path, String body, String messageKey, int answered, int errcode) {
    }

    /** A held path: {@code arrived} counts down when a call comes in, which then waits for {@code release}. */
    record Hold(CountDownLatch arrived, CountDownLatch release) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Hold hold = holds.get(path);
            if (hold != null) {
                hold.arrived().countDown();
                try {
                    hold.release().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = statusByPath.getOrDefault(path, 200);
            int errcode = path.startsWith("/wecom") && wecomContentBytes(body) > WECOM_MARKDOWN_BYTES ? 40058 : 0;
            calls.add(new Call(path, body, exchange.getRequestHeaders().getFirst("X-Ribao-Message-Key"), status,
                    errcode));
            byte[] answer = (errcode == 0 ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                    : "{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    private static int wecomContentBytes(String body) {
        try {
            JsonNode content = JSON.readTree(body).path("markdown").path("content");
            return content.asText().getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            return 0;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, int status) {
        statusByPath.put(path, status);
    }

    Hold hold(String path) {
        Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
        holds.put(path, hold);
        return hold;
    }

    List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    @Override
    public void close() {
        holds.values().forEach(h -> h.release().countDown());
        server.stop(0);
        handlers.shutdownNow();
    }
}
