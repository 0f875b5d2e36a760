package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.audit.AuditEvent;
import io.ribao.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of both services × every caller × own / other unit, against the table in {@code docs/security.md}
 * (the document is the specification). Zero unexpected allows, and no unexpected refusals either.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final Map<String, String> USER_OF = Map.of(
            "CLERK", "u-a-clerk", "PRINCIPAL", "u-a-sj", "DELEGATE", "u-a-fz", "SUPERVISOR", "u-sup-a",
            "OFFICE", "u-office", "DIRECTOR", "u-director", "LEADER", "u-leader", "ADMIN", "u-admin");
    private static final String OWN = "twn-a";
    private static final String OTHER = "twn-b";

    private final RunningStack stack;
    private final Api api;
    private final LocalDate today;
    private final String badToken = TestRoster.mint();
    private final Map<String, BiFunction<String, String, Integer>> endpoints = new java.util.HashMap<>();
    private final Set<String> scoped = new HashSet<>();

    AuthorizationMatrixTest(RunningStack stack) {
        this.stack = stack;
        this.api = stack.api();
        this.today = stack.today();
        defineEndpoints();
    }

    @BeforeAll
    void alertsOfBothUnitsAreOnTheBoard() {
        produceAlert(OWN, List.of("u-a-sj", "u-sup-a"));
        produceAlert(OTHER, List.of("u-b-sj", "u-sup-b"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(alertIdsSeenBy("u-office")).contains(alertId(OWN), alertId(OTHER)));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheSecurityDocumentSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SecurityTable.Row row : SecurityTable.read()) {
            BiFunction<String, String, Integer> call = endpoints.get(row.endpoint());
            tests.add(DynamicTest.dynamicTest(row.endpoint() + " is exercised by the test", () ->
                    assertThat(call).as("no request defined for '" + row.endpoint() + "'").isNotNull()));
            if (call == null) {
                continue;
            }
            row.cells().forEach((caller, expected) -> {
                List<String> units = scoped.contains(row.endpoint()) ? List.of(OWN, OTHER) : List.of(OWN);
                for (String unit : units) {
                    int want = unit.equals(OWN) ? expected.own() : expected.other();
                    String scope = unit.equals(OWN) ? "own unit" : "other unit";
                    tests.add(DynamicTest.dynamicTest(row.endpoint() + " × " + caller + " × " + scope + " → " + want,
                            () -> assertThat(call.apply(tokenOf(caller), unit))
                                    .as(row.endpoint() + " called by " + caller + " for the " + scope)
                                    .isEqualTo(want)));
                }
            });
        }
        return tests.stream();
    }

    @Test
    void everyEndpointTheTestKnowsIsInTheSecurityDocument() {
        Set<String> documented = new HashSet<>();
        SecurityTable.read().forEach(row -> documented.add(row.endpoint()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(endpoints.keySet());
    }

    @Test
    void everyOperationInTheServedOpenApiDocumentsHasARowInTheSecurityDocument() {
        Set<String> documented = new HashSet<>();
        SecurityTable.read().forEach(row -> documented.add(operationOf(row.endpoint())));
        List<String> served = new ArrayList<>();
        served.addAll(operations("ingest", api.get(stack.ingest("/api/openapi.json"), null), "/api"));
        served.addAll(operations("bulletin", api.get(stack.bulletin("/api/openapi.json"), null), ""));

        assertThat(served).isNotEmpty();
        assertThat(documented).containsAll(served);
    }

    /** {@code "bulletin GET /api/v1/alerts?date (draft)"} → {@code "bulletin GET /api/v1/alerts"}. */
    private static String operationOf(String endpoint) {
        return endpoint.replaceAll(" \\(.*\\)$", "").replaceAll("\\?.*$", "");
    }

    private static List<String> operations(String service, Api.Reply document, String prefix) {
        assertThat(document.status()).as(service + " openapi.json " + document).isEqualTo(200);
        List<String> operations = new ArrayList<>();
        document.json().path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)
                    && !path.getKey().endsWith("/openapi.json")) {
                operations.add(service + " " + method + " " + prefix + path.getKey());
            }
        }));
        return operations;
    }

    @Test
    void alertListsAreFilteredToTheUnitsTheCallerMaySee() {
        assertThat(alertIdsSeenBy("u-a-clerk")).doesNotContain(alertId(OTHER));
        assertThat(alertIdsSeenBy("u-sup-a")).contains(alertId(OWN)).doesNotContain(alertId(OTHER));
        assertThat(alertIdsSeenBy("u-b-sj")).contains(alertId(OTHER)).doesNotContain(alertId(OWN));
        assertThat(alertIdsSeenBy("u-leader")).contains(alertId(OWN), alertId(OTHER));
    }

    @Test
    void aClerksReportForAnotherUnitIsRefusedAuditedAndWritesNoReport() {
        long before = stack.endOffsetSum("ribao.reports");

        int status = submit(stack.token("u-a-clerk"), OTHER, false);

        assertThat(status).isEqualTo(403);
        assertThat(stack.endOffsetSum("ribao.reports")).isEqualTo(before);
        Topic<String, AuditEvent> audit = stack.topics().audit();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stack.readAll(audit.name()).stream()
                .map(r -> audit.deserializeValue(r.value())).toList())
                .as("the 私自上报 attempt is on record")
                .anyMatch(e -> e.getActor().equals("u-a-clerk") && e.getAction().equals("UNAUTHORIZED_REPORT")
                        && e.getOutcome().equals("REFUSED") && OTHER.equals(e.getTarget())));
    }

    // --- the requests, one per row of the table -------------------------------------------------------------

    private void defineEndpoints() {
        define("ingest GET /api/v1/me", false, (t, u) -> api.get(stack.ingest("/api/v1/me"), t).status());
        define("ingest POST /api/v1/reports", true, (t, u) -> submit(t, u, true));
        define("ingest POST /api/v1/reports/{reportId}/sign-off", true, (t, u) ->
                checked(api.post(stack.ingest("/api/v1/reports/" + pendingReport(u) + "/sign-off"), t)));
        define("ingest GET /api/v1/reports?unitId&date", true, (t, u) ->
                checked(api.get(stack.ingest("/api/v1/reports?unitId=" + u + "&date=" + today), t)));
        define("ingest GET /api/v1/roster/forms/{formId}", false, (t, u) ->
                checked(api.get(stack.ingest("/api/v1/roster/forms/township-daily"), t)));
        define("ingest GET /api/v1/roster/units/{unitId}", true, (t, u) ->
                checked(api.get(stack.ingest("/api/v1/roster/units/" + u), t)));
        define("ingest POST /api/v1/roster", false, (t, u) -> checked(api.send("POST", stack.ingest("/api/v1/roster"),
                t, "application/yaml", stack.roster().yaml().getBytes(StandardCharsets.UTF_8), Map.of())));
        define("bulletin GET /api/v1/me", false, (t, u) -> api.get(stack.bulletin("/api/v1/me"), t).status());
        define("bulletin GET /api/v1/days/{date}/status", false, (t, u) ->
                checked(api.get(stack.bulletin("/api/v1/days/" + today + "/status"), t)));
        define("bulletin GET /api/v1/alerts?date", false, (t, u) ->
                checked(api.get(stack.bulletin("/api/v1/alerts?date=" + today), t)));
        define("bulletin POST /api/v1/alerts/{alertId}/ack", true, (t, u) ->
                checked(api.post(stack.bulletin("/api/v1/alerts/" + alertId(u) + "/ack"), t)));
        define("bulletin GET /api/v1/units/{unitId}/history", true, (t, u) ->
                checked(api.get(stack.bulletin("/api/v1/units/" + u + "/history"), t)));
        define("bulletin GET /api/v1/findings", false, (t, u) -> checked(api.get(stack.bulletin("/api/v1/findings"), t)));
        define("bulletin POST /api/v1/findings/{findingId}/rectification", true, (t, u) ->
                checked(api.postJson(stack.bulletin("/api/v1/findings/" + stack.openFinding(u) + "/rectification"), t,
                        "{\"text\":\"已整改到位\"}")));
        define("bulletin POST /api/v1/inbox/{id}/read (not the caller's)", false, (t, u) ->
                checked(api.post(stack.bulletin("/api/v1/inbox/987654321/read"), t)));
        define("bulletin GET /api/v1/inbox", false, (t, u) -> checked(api.get(stack.bulletin("/api/v1/inbox"), t)));
        define("bulletin GET /api/v1/board/events", false, (t, u) ->
                api.statusOfStream(stack.bulletin("/api/v1/board/events"), t));
        define("bulletin GET /api/v1/ledger?from&to", false, (t, u) ->
                checked(api.get(stack.bulletin("/api/v1/ledger?from=" + today.minusDays(7) + "&to=" + today), t)));
        define("bulletin GET /api/v1/ledger.xlsx?from&to", false, (t, u) ->
                api.get(stack.bulletin("/api/v1/ledger.xlsx?from=" + today.minusDays(7) + "&to=" + today), t)
                        .status());
        define("bulletin POST /api/v1/days/{date}/bulletin", false, (t, u) ->
                checked(api.post(stack.bulletin("/api/v1/days/" + today + "/bulletin"), t)));
        define("bulletin GET /api/v1/bulletins?date", false, (t, u) ->
                checked(api.get(stack.bulletin("/api/v1/bulletins?date=" + today), t)));
        define("bulletin GET /api/v1/bulletins/{id} (draft)", false, (t, u) ->
                checked(api.get(stack.bulletin("/api/v1/bulletins/" + draft()), t)));
        define("bulletin GET /api/v1/bulletins/{id}/html (draft)", false, (t, u) ->
                api.get(stack.bulletin("/api/v1/bulletins/" + draft() + "/html"), t).status());
        define("bulletin GET /api/v1/bulletins/{id}/pdf (draft)", false, (t, u) ->
                api.get(stack.bulletin("/api/v1/bulletins/" + draft() + "/pdf"), t).status());
        define("bulletin GET /api/v1/bulletins/{id}/docx (draft)", false, (t, u) ->
                api.get(stack.bulletin("/api/v1/bulletins/" + draft() + "/docx"), t).status());
        define("bulletin GET /api/v1/bulletins/{id} (released)", false, (t, u) ->
                checked(api.get(stack.bulletin("/api/v1/bulletins/" + released()), t)));
        define("bulletin PUT /api/v1/bulletins/{id}/narrative (draft)", false, (t, u) ->
                checked(api.putJson(stack.bulletin("/api/v1/bulletins/" + draft() + "/narrative"), t,
                        "{\"text\":\"下步工作：继续做好卡口值守。\"}")));
        define("bulletin POST /api/v1/bulletins/{id}/approve (draft)", false, (t, u) ->
                checked(api.post(stack.bulletin("/api/v1/bulletins/" + draft() + "/approve"), t)));
        define("bulletin POST /api/v1/bulletins/{id}/release (draft)", false, (t, u) ->
                checked(api.post(stack.bulletin("/api/v1/bulletins/" + draft() + "/release"), t)));
        define("bulletin POST /api/v1/bulletins/{id}/release (approved)", false, (t, u) ->
                checked(api.post(stack.bulletin("/api/v1/bulletins/" + approved() + "/release"), t)));
    }

    private void define(String endpoint, boolean unitScoped, BiFunction<String, String, Integer> call) {
        endpoints.put(endpoint, call);
        if (unitScoped) {
            scoped.add(endpoint);
        }
    }

    /** The status, after checking that a refusal carries the error body (DESIGN.md §8). */
    private static int checked(Api.Reply reply) {
        if (reply.status() >= 400) {
            assertThat(reply.isErrorShape()).as("error body of " + reply).isTrue();
        }
        return reply.status();
    }

    private String tokenOf(String caller) {
        return switch (caller) {
            case "no token" -> null;
            case "bad token" -> badToken;
            default -> stack.token(USER_OF.get(caller));
        };
    }

    // --- fixtures, made with the right people's tokens ------------------------------------------------------

    private int submit(String token, String unit, boolean zero) {
        String body = zero
                ? "{\"unitId\":\"" + unit + "\",\"date\":\"" + today + "\",\"zeroReport\":true,\"metrics\":{}}"
                : "{\"unitId\":\"" + unit + "\",\"date\":\"" + today
                + "\",\"metrics\":{\"nucleic_samples\":10,\"nucleic_tested\":5}}";
        return checked(api.postJson(stack.ingest("/api/v1/reports"), token, body));
    }

    private String pendingReport(String unit) {
        return stack.pendingReport(unit);
    }

    private String draft() {
        return stack.draftBulletin();
    }

    private String approved() {
        return stack.approveBulletin(stack.draftBulletin());
    }

    private String released() {
        return stack.releaseBulletin(approved());
    }

    private String alertId(String unit) {
        return "MISSING:" + unit + ":" + today + ":matrix";
    }

    private void produceAlert(String unit, List<String> recipients) {
        Topic<String, AlertEvent> alerts = stack.topics().alerts();
        AlertEvent alert = AlertEvent.newBuilder()
                .setAlertId(alertId(unit)).setType(AlertType.MISSING).setState(AlertState.RAISED)
                .setSeverity(Severity.WARNING).setJurisdictionId("test-county").setUnitId(unit).setDate(today)
                .setRuleId("matrix").setMessage("未按时报送").setEvidence(Map.of()).setRecipients(recipients)
                .setAt(today.atTime(16, 30).atZone(RunningStack.SHANGHAI).toInstant())
                .build();
        stack.produceRaw(alerts.name(), alert.getAlertId(), alerts.serializeValue(alert));
    }

    private List<String> alertIdsSeenBy(String user) {
        Api.Reply reply = api.get(stack.bulletin("/api/v1/alerts?date=" + today), stack.token(user));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode list = reply.json();
        return StreamSupport.stream(list.spliterator(), false).map(a -> a.get("alertId").asText()).toList();
    }
}
