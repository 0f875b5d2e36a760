package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ribao.kit.auth.TokenDigest;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The end-to-end scenario against containers, where Docker exists (skipped elsewhere): Kafka (KRaft,
 * {@code apache/kafka}), the Confluent Schema Registry and PostgreSQL 17. A principal's zero report is accepted (202)
 * and shows ON_TIME on the board; a unit that files nothing by the submission deadline is MISSING, with its MISSING
 * alert. The three services run in this JVM against the containers, or, with {@code -Dribao.it.image=ribao:0.1.0}
 * (built beforehand by {@code docker build -f infra/docker/Dockerfile -t ribao:0.1.0 .}), as containers of that image
 * (decision 311).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerScenarioIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"))
            .withNetwork(NETWORK).withNetworkAliases("kafka").withListener("kafka:19092");

    @Container
    private static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>(DockerImageName.parse("postgres:17"))
            .withNetwork(NETWORK).withNetworkAliases("postgres");

    @Container
    private static final GenericContainer<?> REGISTRY = new GenericContainer<>(
            DockerImageName.parse("confluentinc/cp-schema-registry:8.0.0"))
            .withNetwork(NETWORK).withNetworkAliases("schema-registry")
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forPort(8081).withStartupTimeout(Duration.ofMinutes(2)))
            .dependsOn(KAFKA);

    private static final List<String> USERS = List.of("u-a-sj", "u-b-sj", "u-sup", "u-office", "u-director",
            "u-leader");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new HashMap<>();
    private ScenarioServices services;
    private String ingestUrl;
    private String bulletinUrl;

    @AfterEach
    void stopServices() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aPrincipalsZeroReportIsOnTimeOnTheBoardAndAUnitThatFilesNothingGoesMissing() throws Exception {
        ZoneId zone = zoneNearMidday(clock);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        LocalDate today = now.toLocalDate();
        // a few minutes ahead: long enough to start the services and file, short enough to wait for
        LocalTime submission = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(5);
        startServices(writeRoster(zone, submission));

        HttpResponse<String> accepted = post(ingestUrl + "/api/v1/reports", "u-a-sj",
                "{\"unitId\":\"twn-a\",\"date\":\"" + today + "\",\"zeroReport\":true,\"metrics\":{}}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json.readTree(accepted.body()).get("timeliness").asText()).isEqualTo("ON_TIME");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(boardStatus(today, "twn-a")).isEqualTo("ON_TIME"));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(alertTypes(today, "twn-b")).contains("MISSING"));
        assertThat(boardStatus(today, "twn-b")).isEqualTo("MISSING");
        assertThat(alertTypes(today, "twn-a")).doesNotContain("MISSING");
    }

    /** A fixed-offset zone in which it is about midday now, so the deadline never crosses midnight. */
    private static ZoneId zoneNearMidday(Clock clock) {
        int offset = 12 - ZonedDateTime.now(clock.withZone(ZoneId.of("UTC"))).getHour(); // -11 … +12
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + -offset));
    }

    private Path writeRoster(ZoneId zone, LocalTime submission) throws IOException {
        String yaml = resource("/it/container-roster.yaml")
                .replace("${TIMEZONE}", zone.getId())
                .replace("${REMINDER}", submission.minusMinutes(1).toString())
                .replace("${SUBMISSION}", submission.toString())
                .replace("${BULLETIN}", submission.plusMinutes(30).toString());
        for (String user : USERS) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            tokens.put(user, token);
            yaml = yaml.replace("${SHA_" + user + "}", TokenDigest.sha256Hex(token));
        }
        Path roster = dir.resolve("roster.yaml");
        Files.writeString(roster, yaml, StandardCharsets.UTF_8);
        return roster;
    }

    private void startServices(Path roster) throws Exception {
        TopicAdmin.createMissing(KAFKA.getBootstrapServers(), Topics.all(), 2, (short) 1);
        String image = System.getProperty("ribao.it.image", "");
        if (image.isBlank()) {
            services = InProcessServices.start(new ScenarioServices.Endpoints(KAFKA.getBootstrapServers(),
                    "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081), POSTGRES.getJdbcUrl(),
                    POSTGRES.getUsername(), POSTGRES.getPassword()), roster, dir, clock);
        } else {
            services = ImageServices.start(image, NETWORK, new ScenarioServices.Endpoints("kafka:19092",
                    "http://schema-registry:8081", "jdbc:postgresql://postgres:5432/" + POSTGRES.getDatabaseName(),
                    POSTGRES.getUsername(), POSTGRES.getPassword()), roster);
        }
        ingestUrl = services.ingestUrl();
        bulletinUrl = services.bulletinUrl();
    }

    private HttpResponse<String> post(String url, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + tokens.get(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(bulletinUrl + path))
                .header("Authorization", "Bearer " + tokens.get("u-office")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String boardStatus(LocalDate day, String unitId) throws Exception {
        return StreamSupport.stream(get("/api/v1/days/" + day + "/status").get("units").spliterator(), false)
                .filter(u -> u.get("unitId").asText().equals(unitId))
                .map(u -> u.get("status").asText())
                .findFirst().orElse("ABSENT");
    }

    private List<String> alertTypes(LocalDate day, String unitId) throws Exception {
        return StreamSupport.stream(get("/api/v1/alerts?date=" + day + "&unitId=" + unitId).spliterator(), false)
                .map(a -> a.get("type").asText()).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ContainerScenarioIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
