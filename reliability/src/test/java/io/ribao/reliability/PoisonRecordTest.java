package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.topics.Keys;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison records (garbage bytes, a wrong magic byte, an unknown schema id) on every input topic of
 * aggregation-streams and bulletin-service end up in that application's dead-letter topic with their
 * topic/partition/offset, and processing goes on: a good record after the poison ones is processed.
 * Runs last on the shared stack: the poison stays in the topics.
 */
@ExtendWith(StackExtension.class)
@Order(Integer.MAX_VALUE)
class PoisonRecordTest {

    private static final List<String> STREAMS_INPUTS = List.of(Topics.REPORTS, Topics.ROSTER_UNITS,
            Topics.ROSTER_JURISDICTIONS, Topics.ROSTER_FORMS);
    private static final List<String> BULLETIN_INPUTS = List.of(Topics.ROSTER_JURISDICTIONS, Topics.ROSTER_UNITS,
            Topics.ROSTER_USERS, Topics.UNIT_DAY_STATUS, Topics.ROLLUPS, Topics.ALERTS, Topics.DAY_CLOSED,
            Topics.REPORTS);

    private final RunningStack stack;

    PoisonRecordTest(RunningStack stack) {
        this.stack = stack;
    }

    record Poison(String topic, String kind, int partition, long offset) {
    }

    @Test
    void poisonOnEveryInputTopicIsDeadLetteredWithItsPositionAndGoodRecordsAfterItAreProcessed() {
        String day = Keys.ofDay("twn-b", stack.today());
        String alertId = "OUTLIER:twn-b:" + stack.today() + ":poison";
        List<Poison> poisons = new ArrayList<>();
        for (String topic : distinct(STREAMS_INPUTS, BULLETIN_INPUTS)) {
            // the key of the good record that follows, so the poison sits before it in the same partition
            String key = switch (topic) {
                case Topics.REPORTS -> "twn-b";
                case Topics.UNIT_DAY_STATUS -> day;
                case Topics.ALERTS -> alertId;
                default -> "poison-" + topic;
            };
            poisons.add(poison(topic, key, "garbage", "这不是Avro".getBytes(StandardCharsets.UTF_8)));
            poisons.add(poison(topic, key, "wrong magic byte", ByteBuffer.allocate(9).put((byte) 1).putInt(1)
                    .putInt(42).array()));
            poisons.add(poison(topic, key, "unknown schema id", ByteBuffer.allocate(9).put((byte) 0)
                    .putInt(987_654).putInt(42).array()));
        }

        Api.Reply zero = stack.api().postJson(stack.ingest("/api/v1/reports"), stack.token("u-b-sj"),
                "{\"unitId\":\"twn-b\",\"date\":\"" + stack.today() + "\",\"zeroReport\":true,\"metrics\":{}}");
        assertThat(zero.status()).as(zero.toString()).isEqualTo(202);
        produceAlert(alertId);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(boardStatusOfB()).as("a good report after the poison reaches the board").isEqualTo("ON_TIME");
            assertThat(alertVisible(alertId)).as("a good alert after the poison is projected").isTrue();
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<DeadLetter> streams = deadLetters("aggregation-streams");
            List<DeadLetter> bulletin = deadLetters("bulletin-service");
            for (Poison p : poisons) {
                if (STREAMS_INPUTS.contains(p.topic())) {
                    assertThat(streams).as("aggregation-streams dead letter for " + p)
                            .anyMatch(d -> sameRecord(d, p));
                }
                if (BULLETIN_INPUTS.contains(p.topic())) {
                    assertThat(bulletin).as("bulletin-service dead letter for " + p).anyMatch(d -> sameRecord(d, p));
                }
            }
        });
    }

    private Poison poison(String topic, String key, String kind, byte[] bytes) {
        RecordMetadata at = stack.produceRaw(topic, key, bytes);
        return new Poison(topic, kind, at.partition(), at.offset());
    }

    private static boolean sameRecord(DeadLetter d, Poison p) {
        return d.getTopic().equals(p.topic()) && d.getPartition() == p.partition() && d.getOffset() == p.offset()
                && !d.getCause().isBlank();
    }

    private List<DeadLetter> deadLetters(String app) {
        Topic<String, DeadLetter> topic = stack.topics().deadLetters(app);
        return stack.readAll(topic.name()).stream().filter(r -> r.value() != null)
                .map(r -> topic.deserializeValue(r.value())).toList();
    }

    private String boardStatusOfB() {
        Api.Reply board = stack.api().get(stack.bulletin("/api/v1/days/" + stack.today() + "/status"),
                stack.token("u-office"));
        assertThat(board.status()).isEqualTo(200);
        return StreamSupport.stream(board.json().get("units").spliterator(), false)
                .filter(u -> u.get("unitId").asText().equals("twn-b")).map(u -> u.get("status").asText())
                .findFirst().orElse("ABSENT");
    }

    private boolean alertVisible(String alertId) {
        Api.Reply alerts = stack.api().get(stack.bulletin("/api/v1/alerts?date=" + stack.today() + "&unitId=twn-b"),
                stack.token("u-office"));
        return alerts.status() == 200 && StreamSupport.stream(alerts.json().spliterator(), false)
                .anyMatch(a -> a.get("alertId").asText().equals(alertId));
    }

    private void produceAlert(String alertId) {
        Topic<String, AlertEvent> alerts = stack.topics().alerts();
        AlertEvent alert = AlertEvent.newBuilder()
                .setAlertId(alertId).setType(AlertType.OUTLIER).setState(AlertState.RAISED)
                .setSeverity(Severity.WARNING).setJurisdictionId("test-county").setUnitId("twn-b")
                .setDate(stack.today()).setRuleId("poison").setMessage("数据异常").setEvidence(Map.of())
                .setRecipients(List.of("u-b-sj"))
                .setAt(stack.today().atTime(12, 0).atZone(RunningStack.SHANGHAI).toInstant()).build();
        stack.produceRaw(alerts.name(), alertId, alerts.serializeValue(alert));
    }

    private static List<String> distinct(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return all;
    }
}
