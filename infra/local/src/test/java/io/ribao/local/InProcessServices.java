package io.ribao.local;

import io.ribao.aggregation.AggregationApp;
import io.ribao.aggregation.AggregationSettings;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.ingest.IngestApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** The three services in the test's JVM, through their real Dropwizard commands and the local stack's templates. */
final class InProcessServices implements ScenarioServices {

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private String ingestUrl;
    private String bulletinUrl;

    static InProcessServices start(Endpoints endpoints, Path roster, Path dir, Clock clock) throws Exception {
        InProcessServices services = new InProcessServices();
        try {
            services.startAll(endpoints, roster, dir, clock);
            return services;
        } catch (Exception | Error e) {
            services.close();
            throw e;
        }
    }

    private void startAll(Endpoints endpoints, Path roster, Path dir, Clock clock) throws Exception {
        int ingestPort = freePort();
        int bulletinPort = freePort();
        Map<String, String> values = Map.of(
                "RIBAO_KAFKA", endpoints.kafka(),
                "RIBAO_REGISTRY", endpoints.registryUrl(),
                "RIBAO_ROSTER", roster.toString(),
                "RIBAO_INGEST_PORT", String.valueOf(ingestPort),
                "RIBAO_BULLETIN_PORT", String.valueOf(bulletinPort),
                "RIBAO_DB_URL", endpoints.jdbcUrl(),
                "RIBAO_DB_USER", endpoints.dbUser(),
                "RIBAO_DB_PASSWORD", endpoints.dbPassword());
        Path conf = dir.resolve("conf");
        running.push(EmbeddedService.start(new IngestApplication(clock),
                ConfigTemplate.write("/local/report-ingest.yml", values, conf.resolve("report-ingest.yml"))));
        ingestUrl = "http://127.0.0.1:" + ingestPort;
        running.push(AggregationApp.start(
                AggregationSettings.of(endpoints.kafka(), endpoints.registryUrl(), dir.resolve("streams"))));
        running.push(EmbeddedService.start(new BulletinApplication(clock),
                ConfigTemplate.write("/local/bulletin-service.yml", values, conf.resolve("bulletin-service.yml"))));
        bulletinUrl = "http://127.0.0.1:" + bulletinPort;
    }

    @Override
    public String ingestUrl() {
        return ingestUrl;
    }

    @Override
    public String bulletinUrl() {
        return bulletinUrl;
    }

    @Override
    public void close() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
