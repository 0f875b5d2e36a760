package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton on the real local stack: a principal's zero report goes through report-ingest, Kafka,
 * aggregation-streams and bulletin-service, and the board shows the unit ON_TIME; it all survives a restart.
 */
class LocalStackEndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Path DEMO_ROSTER = Path.of("demo-roster.yaml");

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = DemoTokens.besideRoster(DEMO_ROSTER);
    // Submissions are stamped at 10:00 Beijing time today, so the report is on time whenever the test runs.
    private final LocalDate today = LocalDate.now(Clock.system(SHANGHAI));
    private final Clock morning = Clock.fixed(today.atTime(LocalTime.of(10, 0)).atZone(SHANGHAI).toInstant(), SHANGHAI);
    private LocalStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private LocalStack startStack() {
        return LocalStack.start(new LocalOptions(DEMO_ROSTER, data, 0, 0, 0, 0, 2), morning);
    }

    @Test
    void aZeroReportReachesTheBoardOnTimeAndSurvivesARestart() throws Exception {
        stack = startStack();
        assertThat(stack.readyLine()).startsWith("ribao ready: ingest=http://127.0.0.1:");
        assertTheRosterIsOnTheBoard();

        HttpResponse<String> accepted = post(stack.ingestUrl() + "/api/v1/reports", "u-tianbao-sj",
                "{\"unitId\":\"twn-tianbao\",\"date\":\"" + today + "\",\"zeroReport\":true,\"metrics\":{}}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode receipt = json.readTree(accepted.body());
        assertThat(receipt.get("status").asText()).isEqualTo("SIGNED");
        assertThat(receipt.get("timeliness").asText()).isEqualTo("ON_TIME");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(boardStatusOf("twn-tianbao")).isEqualTo("ON_TIME"));
        int schemaId = latestSchemaId("ribao.reports-value");

        stack.close();
        stack = startStack();

        assertTheRosterIsOnTheBoard();
        assertThat(boardStatusOf("twn-tianbao")).isEqualTo("ON_TIME");
        assertThat(latestSchemaId("ribao.reports-value")).isEqualTo(schemaId);
        assertThat(reportEventsFor("twn-tianbao")).isEqualTo(1);
    }

    @Test
    void badRequestsAreAnsweredWithClearErrorsAndWriteNothing() throws Exception {
        stack = startStack();

        HttpResponse<String> malformed = post(stack.ingestUrl() + "/api/v1/reports", "u-tianbao-sj", "{\"unitId\":");
        HttpResponse<String> unknownUnit = post(stack.ingestUrl() + "/api/v1/reports", "u-tianbao-sj",
                "{\"unitId\":\"no-such-unit\",\"date\":\"" + today + "\",\"zeroReport\":true,\"metrics\":{}}");
        HttpResponse<String> badToken = http.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/api/v1/reports"))
                .header("Authorization", "Bearer not-a-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"unitId\":\"twn-tianbao\",\"date\":\"" + today
                        + "\",\"zeroReport\":true,\"metrics\":{}}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).has("code")).isTrue();
        assertThat(unknownUnit.statusCode()).isIn(403, 404, 422);
        assertThat(json.readTree(unknownUnit.body()).get("message").asText()).isNotBlank();
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(reportEventsFor("twn-tianbao")).isZero();
        assertThat(reportEventsFor("no-such-unit")).isZero();
    }

    /** Decision 447: a second stack on a data directory in use is refused at once, and the first one goes on. */
    @Test
    void aSecondStackOnTheSameDataDirectoryIsRefusedAndTheFirstGoesOn() throws Exception {
        stack = startStack();

        assertThatThrownBy(this::startStack)
                .isInstanceOf(DataDirLock.InUse.class)
                .hasMessageContaining("数据目录 " + data.toAbsolutePath().normalize() + " 正由另一个 ribao-local")
                .hasMessageContaining("The data directory " + data.toAbsolutePath().normalize() + " is in use");
        assertTheRosterIsOnTheBoard();
        HttpResponse<String> accepted = post(stack.ingestUrl() + "/api/v1/reports", "u-tianbao-sj",
                "{\"unitId\":\"twn-tianbao\",\"date\":\"" + today + "\",\"zeroReport\":true,\"metrics\":{}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(boardStatusOf("twn-tianbao")).isEqualTo("ON_TIME"));
    }

    /**
     * Decision 448: once start has returned (the ready line), the board of the day already has every unit of the
     * roster — read at once, no waiting here.
     */
    private void assertTheRosterIsOnTheBoard() throws Exception {
        JsonNode board = board();
        assertThat(board.get("expected").asInt()).as(board.toString()).isPositive()
                .isEqualTo(board.get("units").size());
        assertThat(board.get("units").findValuesAsText("unitId")).contains("twn-tianbao");
    }

    private HttpResponse<String> post(String url, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + tokens.get(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode board() throws Exception {
        HttpResponse<String> board = http.send(HttpRequest.newBuilder(
                        URI.create(stack.bulletinUrl() + "/api/v1/days/" + today + "/status"))
                .header("Authorization", "Bearer " + tokens.get("u-office-1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
        return json.readTree(board.body());
    }

    private String boardStatusOf(String unitId) throws Exception {
        return StreamSupport.stream(board().get("units").spliterator(), false)
                .filter(u -> u.get("unitId").asText().equals(unitId))
                .map(u -> u.get("status").asText())
                .findFirst().orElse("ABSENT");
    }

    private int latestSchemaId(String subject) throws Exception {
        HttpResponse<String> latest = http.send(HttpRequest.newBuilder(
                URI.create(stack.registryUrl() + "/subjects/" + subject + "/versions/latest")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
        return json.readTree(latest.body()).get("id").asInt();
    }

    /** How many events ribao.reports holds for a unit (read_committed, from the beginning). */
    private long reportEventsFor(String unitId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor("ribao.reports").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(record.key(), java.nio.charset.StandardCharsets.UTF_8).equals(unitId)) {
                        count++;
                    }
                }
            }
            return count;
        }
    }
}
