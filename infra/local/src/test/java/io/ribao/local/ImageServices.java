package io.ribao.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The three services as containers of the image built by {@code infra/docker/Dockerfile} (given by name: the test
 * does not build it), on the containers' network, configured by the same variables as {@code infra/compose}.
 */
final class ImageServices implements ScenarioServices {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Deque<GenericContainer<?>> running = new ArrayDeque<>();
    private String ingestUrl;
    private String bulletinUrl;

    static ImageServices start(String image, Network network, Endpoints inNetwork, Path roster) {
        ImageServices services = new ImageServices();
        try {
            services.startAll(DockerImageName.parse(image), network, inNetwork, roster);
            return services;
        } catch (RuntimeException | Error e) {
            services.close();
            throw e;
        }
    }

    private void startAll(DockerImageName image, Network network, Endpoints endpoints, Path roster) {
        GenericContainer<?> ingest = start(new GenericContainer<>(image).withNetwork(network)
                .withCommand("report-ingest")
                .withEnv("RIBAO_KAFKA", endpoints.kafka())
                .withEnv("RIBAO_REGISTRY", endpoints.registryUrl())
                .withEnv("RIBAO_ROSTER", "/etc/ribao/roster.yaml")
                .withEnv("RIBAO_INGEST_PORT", "8080")
                .withCopyFileToContainer(MountableFile.forHostPath(roster, 0644), "/etc/ribao/roster.yaml")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/admin/healthcheck").forPort(8080).withStartupTimeout(STARTUP)));
        ingestUrl = "http://" + ingest.getHost() + ":" + ingest.getMappedPort(8080);
        start(new GenericContainer<>(image).withNetwork(network)
                .withCommand("aggregation-streams")
                .withEnv("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafka())
                .withEnv("SCHEMA_REGISTRY_URL", endpoints.registryUrl())
                .withEnv("AGGREGATION_STATE_DIR", "/var/lib/ribao/state")
                .withEnv("AGGREGATION_REPLICATION_FACTOR", "1")
                .withEnv("AGGREGATION_PUNCTUATION_INTERVAL", "1s"));
        GenericContainer<?> bulletin = start(new GenericContainer<>(image).withNetwork(network)
                .withCommand("bulletin-service")
                .withEnv("RIBAO_KAFKA", endpoints.kafka())
                .withEnv("RIBAO_REGISTRY", endpoints.registryUrl())
                .withEnv("RIBAO_BULLETIN_PORT", "8088")
                .withEnv("RIBAO_DB_URL", endpoints.jdbcUrl())
                .withEnv("RIBAO_DB_USER", endpoints.dbUser())
                .withEnv("RIBAO_DB_PASSWORD", endpoints.dbPassword())
                .withEnv("RIBAO_MIGRATE_ON_STARTUP", "true")
                .withExposedPorts(8088)
                .waitingFor(Wait.forHttp("/admin/healthcheck").forPort(8088).withStartupTimeout(STARTUP)));
        bulletinUrl = "http://" + bulletin.getHost() + ":" + bulletin.getMappedPort(8088);
    }

    private GenericContainer<?> start(GenericContainer<?> container) {
        running.push(container);
        container.start();
        return container;
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
    public void close() {
        while (!running.isEmpty()) {
            running.pop().stop();
        }
    }
}
