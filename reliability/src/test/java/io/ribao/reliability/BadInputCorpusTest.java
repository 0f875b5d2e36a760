package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-request corpus against every write endpoint: each entry is answered with one of its expected 4xx
 * statuses and the error body {@code {"code","message",…}} (naming the field where the entry says which), never a
 * 5xx or a 2xx; and when the whole corpus has run, nothing was written: the end offsets of ribao.reports and the
 * roster topics are unchanged, the bulletins and the alert are as they were (audit records aside).
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {

    static final List<String> FILES = List.of("reports.jsonl", "sign-off.jsonl", "roster.jsonl", "bulletins.jsonl",
            "alerts.jsonl", "findings.jsonl");
    private static final List<String> WRITTEN_TOPICS = List.of(Topics.REPORTS, Topics.ROSTER_UNITS,
            Topics.ROSTER_USERS, Topics.ROSTER_FORMS, Topics.ROSTER_JURISDICTIONS);

    private final RunningStack stack;
    private final Api api;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Long> offsetsBefore = new LinkedHashMap<>();
    private final Map<String, String> bulletinsBefore = new LinkedHashMap<>();

    BadInputCorpusTest(RunningStack stack) {
        this.stack = stack;
        this.api = stack.api();
    }

    @BeforeAll
    void fixturesExistAndTheStateIsRecorded() {
        values.put("${TODAY}", stack.today().toString());
        values.put("${TOMORROW}", stack.today().plusDays(1).toString());
        values.put("${LOCKED_DAY}", stack.today().minusDays(4).toString());
        values.put("${PENDING_A}", pendingReport());
        values.put("${RELEASED}", release(approve(draft())));
        values.put("${APPROVED}", approve(draft()));
        values.put("${DRAFT}", draft());
        String alertId = "OUTLIER:twn-b:" + stack.today() + ":corpus";
        values.put("${ALERT_B}", alertId);
        produceAlert(alertId);
        values.put("${FINDING_B}", stack.openFinding("twn-b"));
        await().atMost(Duration.ofSeconds(60)).until(() -> alertOfB().isPresent());

        WRITTEN_TOPICS.forEach(t -> offsetsBefore.put(t, stack.endOffsetSum(t)));
        for (String key : List.of("${DRAFT}", "${APPROVED}", "${RELEASED}")) {
            bulletinsBefore.put(key, bulletinState(values.get(key)));
        }
    }

    @Test
    @Order(0)
    void theCorpusHoldsAtLeastTwoHundredRequestsCoveringEveryWriteEndpoint() {
        List<CorpusEntry> all = FILES.stream().flatMap(f -> CorpusEntry.load(f).stream()).toList();

        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all).extracting(CorpusEntry::path).anyMatch(p -> p.equals("/api/v1/reports"))
                .anyMatch(p -> p.endsWith("/sign-off")).anyMatch(p -> p.equals("/api/v1/roster"))
                .anyMatch(p -> p.endsWith("/narrative")).anyMatch(p -> p.endsWith("/approve"))
                .anyMatch(p -> p.endsWith("/release")).anyMatch(p -> p.endsWith("/ack"))
                .anyMatch(p -> p.endsWith("/rectification"));
        assertThat(all).allSatisfy(e -> assertThat(e.expect()).allMatch(s -> s >= 400 && s < 500));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyHostileRequestIsAnsweredWithTheRightClientError() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (CorpusEntry entry : CorpusEntry.load(file)) {
                tests.add(DynamicTest.dynamicTest(entry.toString(), () -> answeredAsExpected(entry)));
            }
        }
        return tests.stream();
    }

    @Test
    @Order(2)
    void afterTheWholeCorpusNothingWasWritten() {
        WRITTEN_TOPICS.forEach(t -> assertThat(stack.endOffsetSum(t)).as("end offsets of " + t)
                .isEqualTo(offsetsBefore.get(t)));
        bulletinsBefore.forEach((key, before) ->
                assertThat(bulletinState(values.get(key))).as("bulletin " + key).isEqualTo(before));
        JsonNode alert = alertOfB().orElseThrow();
        assertThat(alert.path("acknowledgedAt").isNull() || alert.path("acknowledgedAt").isMissingNode())
                .as("the alert nobody was allowed to acknowledge: " + alert).isTrue();
        assertThat(api.get(stack.bulletin("/api/v1/findings?status=OPEN"), stack.token("u-office")).body())
                .as("the finding nobody was allowed to rectify is still open").contains(values.get("${FINDING_B}"));
    }

    private void answeredAsExpected(CorpusEntry entry) {
        Api.Reply reply = api.send(entry.method(), stack.url(entry.path().startsWith("/api/v1/bulletins")
                        || entry.path().startsWith("/api/v1/alerts") || entry.path().startsWith("/api/v1/days")
                        || entry.path().startsWith("/api/v1/findings")
                        ? "bulletin" : "ingest", fill(entry.path())), null, entry.contentType(), body(entry),
                headers(entry));

        assertThat(reply.status()).as(entry + " answered " + reply).isIn(entry.expect());
        assertThat(reply.isErrorShape()).as(entry + ": error body of " + reply).isTrue();
        assertThat(reply.contentType()).as(entry + ": content type of " + reply).startsWith("application/json");
        if (entry.field() != null && reply.status() == 422) {
            List<String> fields = StreamSupport.stream(reply.json().path("errors").spliterator(), false)
                    .map(e -> e.path("field").asText()).toList();
            assertThat(fields).as(entry + ": the fields named in " + reply).anyMatch(f -> f.startsWith(entry.field()));
        }
    }

    private byte[] body(CorpusEntry entry) {
        if (entry.rawBody() != null) {
            return fill(new String(entry.rawBody(), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        }
        if (entry.rosterReplace() != null) {
            String yaml = stack.roster().yaml();
            for (String[] pair : entry.rosterReplace()) {
                assertThat(yaml).as(entry + ": the roster text to replace").contains(pair[0]);
                yaml = yaml.replace(pair[0], pair[1]);
            }
            return yaml.getBytes(StandardCharsets.UTF_8);
        }
        if (entry.body() == null) {
            return null;
        }
        String text = fill(entry.body());
        for (Map.Entry<String, List<Object>> e : entry.expand().entrySet()) {
            text = text.replace(e.getKey(), String.valueOf(e.getValue().get(0)).repeat((Integer) e.getValue().get(1)));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> headers(CorpusEntry entry) {
        Map<String, String> headers = new LinkedHashMap<>(entry.headers());
        String as = entry.as();
        if (as.startsWith("raw:")) {
            headers.put("Authorization", as.substring(4));
        } else if (as.equals("bad")) {
            headers.put("Authorization", "Bearer " + TestRoster.mint());
        } else if (!as.equals("none")) {
            headers.put("Authorization", "Bearer " + stack.token(as));
        }
        return headers;
    }

    private String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            filled = filled.replace(v.getKey(), v.getValue());
        }
        return filled;
    }

    // --- fixtures ------------------------------------------------------------------------------------------

    private String pendingReport() {
        return stack.pendingReport("twn-a");
    }

    private String draft() {
        return stack.draftBulletin();
    }

    private String approve(String id) {
        return stack.approveBulletin(id);
    }

    private String release(String id) {
        return stack.releaseBulletin(id);
    }

    private String bulletinState(String id) {
        JsonNode b = api.get(stack.bulletin("/api/v1/bulletins/" + id), stack.token("u-office")).json();
        return b.path("state").asText() + "|" + b.path("version") + "|" + b.path("issueNo") + "|"
                + b.path("narrative") + "|" + b.path("contentSha256").asText();
    }

    private void produceAlert(String alertId) {
        Topic<String, AlertEvent> alerts = stack.topics().alerts();
        AlertEvent alert = AlertEvent.newBuilder()
                .setAlertId(alertId).setType(AlertType.OUTLIER).setState(AlertState.RAISED)
                .setSeverity(Severity.WARNING).setJurisdictionId("test-county").setUnitId("twn-b")
                .setDate(stack.today()).setRuleId("corpus").setMessage("数据异常").setEvidence(Map.of())
                .setRecipients(List.of("u-b-sj")).setAt(stack.today().atTime(12, 0).atZone(RunningStack.SHANGHAI).toInstant())
                .build();
        stack.produceRaw(alerts.name(), alertId, alerts.serializeValue(alert));
    }

    private java.util.Optional<JsonNode> alertOfB() {
        Api.Reply reply = api.get(stack.bulletin("/api/v1/alerts?date=" + stack.today() + "&unitId=twn-b"),
                stack.token("u-office"));
        if (reply.status() != 200) {
            return java.util.Optional.empty();
        }
        return StreamSupport.stream(reply.json().spliterator(), false)
                .filter(a -> a.path("alertId").asText().equals(values.get("${ALERT_B}"))).findFirst();
    }
}
