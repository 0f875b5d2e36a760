package io.ribao.bulletin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.bulletin.BulletinConfiguration;
import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestClock;
import io.ribao.bulletin.TestKafka;
import io.ribao.bulletin.db.ReadModelDao;
import io.ribao.bulletin.db.ReadModelRows;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.topics.Topics;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class BulletinApplicationTest {

    private static final TestDatabase DB = TestDatabase.fresh();
    private static final TestClock CLOCK = new TestClock(Fixtures.DEADLINE.plus(Duration.ofHours(1)));
    private static final String DAY = Fixtures.DAY.toString();
    private static final GenericType<List<Map<String, Object>>> LIST = new GenericType<>() { };
    private static final GenericType<Map<String, Object>> MAP = new GenericType<>() { };

    static {
        Topics topics = TestKafka.topics();
        TestKafka.send(topics.jurisdictions(), Fixtures.COUNTY, Fixtures.jurisdiction());
        Fixtures.units().forEach(u -> TestKafka.send(topics.units(), u.getId(), u));
        Fixtures.users().forEach(u -> TestKafka.send(topics.users(), u.getId(), u));
    }

    static final DropwizardAppExtension<BulletinConfiguration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(BulletinApplication.class, ResourceHelpers.resourceFilePath("service-test.yml"),
                    ConfigOverride.config("database.url", DB::jdbcUrl),
                    ConfigOverride.config("kafka.bootstrapServers", TestKafka::bootstrapServers),
                    ConfigOverride.config("schemaRegistryUrl", TestKafka.REGISTRY_URL)) {
                @Override
                public io.dropwizard.core.Application<BulletinConfiguration> newApplication() {
                    return new BulletinApplication(CLOCK);
                }
            });

    @BeforeAll
    static void board() {
        Jdbi jdbi = DB.jdbi();
        jdbi.useExtension(ReadModelDao.class, dao -> {
            dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(Fixtures.jurisdiction()));
            Fixtures.units().forEach(u -> dao.upsertUnit(ReadModelRows.UnitRow.of(u)));
            Fixtures.users().forEach(u -> dao.upsertUser(ReadModelRows.UserRow.of(u)));
            dao.upsertStatus(ReadModelRows.StatusRow.of(
                    Fixtures.status("twn-tianbao", UnitDayState.ON_TIME, Fixtures.DEADLINE)));
            dao.upsertStatus(ReadModelRows.StatusRow.of(
                    Fixtures.status("cp-tianbao-port", UnitDayState.MISSING, Fixtures.DEADLINE)));
            dao.upsertStatus(ReadModelRows.StatusRow.of(
                    Fixtures.status("dep-health", UnitDayState.LATE, Fixtures.DEADLINE)));
            dao.raiseAlert(ReadModelRows.AlertRow.of(Fixtures.alert(AlertType.MISSING, "cp-tianbao-port",
                    AlertState.RAISED, Fixtures.DEADLINE, List.of("u-port-sj", "u-dc-07"))));
            dao.upsertFinding(new ReadModelRows.FindingRow("f-1", "st-tianbao", "cp-tianbao-port", Fixtures.DAY,
                    "体温检测记录不全", Fixtures.DAY.plusDays(2)));
            dao.upsertFinding(new ReadModelRows.FindingRow("f-2", "st-tianbao", "cp-tianbao-port", Fixtures.DAY,
                    "消杀台账缺页", Fixtures.DAY.plusDays(2)));
            dao.insertRevision(ReadModelRows.RevisionRow.of(io.ribao.schemas.report.ReportEvent.newBuilder()
                    .setEventId("e-1").setType(io.ribao.schemas.report.ReportEventType.SIGNED_OFF)
                    .setReportId("r-twn-tianbao").setJurisdictionId(Fixtures.COUNTY).setUnitId("twn-tianbao")
                    .setDate(Fixtures.DAY).setRevision(2).setZeroReport(false)
                    .setMetrics(Map.of("centralized_isolation", 3L)).setSubmittedBy("u-tianbao-clerk")
                    .setSubmittedAt(Fixtures.DEADLINE.minusSeconds(900)).setSignedBy("u-tianbao-sj")
                    .setSignedAt(Fixtures.DEADLINE.minusSeconds(300))
                    .setSigner(io.ribao.schemas.report.Signer.PRINCIPAL)
                    .setLowered(List.of(new io.ribao.schemas.report.MetricChange("centralized_isolation", 5L, 3L)))
                    .build()));
            dao.raiseAlert(ReadModelRows.AlertRow.of(Fixtures.alert(AlertType.CONCEALMENT_SUSPECTED,
                    "twn-tianbao", AlertState.RAISED, Fixtures.DEADLINE, List.of("u-tianbao-sj"))));
            // the roster's own name for the metric, which the known names spell otherwise
            dao.replaceForm("township-daily", ReadModelRows.FormMetricRow.of(Fixtures.form("township-daily", "乡镇日报",
                    "centralized_isolation", "集中隔离观察人数")));
        });
        jdbi.useHandle(h -> h.createScript("""
                INSERT INTO outbox (id, message_key, kind, recipient_id, channel, title, body, payload, state,
                                    next_attempt_at, created_at, sent_at)
                VALUES (801, 'digest|u-office-1|1', 'ALERT_DIGEST', 'u-office-1', '{"type":"inapp"}', '预警汇总', 'b',
                        '{}', 'SENT', now(), now(), now());
                INSERT INTO inbox (outbox_id, recipient_id, title, body, created_at)
                VALUES (801, 'u-office-1', '预警汇总', 'b', '2026-03-02T08:32:00Z');
                """).execute());
    }

    private static Invocation.Builder as(String userId, String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path).request()
                .header("Authorization", "Bearer " + Fixtures.tokenOf(userId));
    }

    /** The status, with the response consumed so its pooled connection is returned. */
    private static int statusOf(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    private static Invocation.Builder anonymous(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path).request();
    }

    @Test
    void theOfficeSeesTheWholeBoardInTheContractShape() {
        Map<String, Object> body = as("u-office-1", "/api/v1/days/" + DAY + "/status").get(MAP);

        assertThat(body).containsOnlyKeys("date", "expected", "onTime", "late", "missing", "pendingSignoff", "units");
        assertThat(body).containsEntry("date", DAY).containsEntry("expected", 3).containsEntry("onTime", 1)
                .containsEntry("late", 1).containsEntry("missing", 1).containsEntry("pendingSignoff", 0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> units = (List<Map<String, Object>>) body.get("units");
        assertThat(units).extracting(u -> u.get("unitId"))
                .containsExactlyInAnyOrder("twn-tianbao", "cp-tianbao-port", "dep-health");
        Map<String, Object> tianbao = units.stream().filter(u -> u.get("unitId").equals("twn-tianbao")).findFirst()
                .orElseThrow();
        assertThat(tianbao.keySet()).containsExactlyInAnyOrder("unitId", "name", "status", "submittedAt",
                "signedAt", "revision");
        assertThat(tianbao).containsEntry("name", "天保镇").containsEntry("status", "ON_TIME")
                .containsEntry("signedAt", "2026-03-02T16:25:00+08:00").containsEntry("revision", 1);
    }

    @Test
    void aSupervisorSeesItsUnitsAndAClerkOnlyItsOwn() {
        Map<String, Object> supervisor = as("u-dc-07", "/api/v1/days/" + DAY + "/status").get(MAP);
        Map<String, Object> clerk = as("u-tianbao-clerk", "/api/v1/days/" + DAY + "/status").get(MAP);

        assertThat(supervisor).containsEntry("expected", 2).containsEntry("missing", 1);
        assertThat(clerk).containsEntry("expected", 1).containsEntry("onTime", 1);
    }

    @Test
    void withoutAValidTokenTheAnswerIs401InTheErrorShape() {
        Response none = anonymous("/api/v1/days/" + DAY + "/status").get();
        Response wrong = anonymous("/api/v1/alerts").header("Authorization", "Bearer not-a-token").get();

        assertThat(none.getStatus()).isEqualTo(401);
        assertThat(none.readEntity(MAP)).containsKeys("code", "message");
        assertThat(wrong.getStatus()).isEqualTo(401);
        wrong.close();
    }

    @Test
    void aMalformedDateIsRefusedNamingTheField() {
        Response response = as("u-office-1", "/api/v1/days/2026-3-2/status").get();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"date\"");
    }

    @Test
    void alertsAreListedInTheContractShapeAndFilteredByType() {
        List<Map<String, Object>> all = as("u-office-1", "/api/v1/alerts?date=" + DAY).get(LIST);
        List<Map<String, Object>> missing = as("u-office-1", "/api/v1/alerts?type=MISSING").get(LIST);
        List<Map<String, Object>> healthSees = as("u-health-sj", "/api/v1/alerts?date=" + DAY).get(LIST);

        assertThat(all).hasSize(2);
        assertThat(all.get(0).keySet()).containsExactlyInAnyOrder("alertId", "type", "unitId", "date", "severity",
                "raisedAt", "message", "evidence", "recipients", "acknowledgedAt", "resolvedAt");
        assertThat(missing).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("unitId", "cp-tianbao-port").containsEntry("date", DAY);
            assertThat(a.get("evidence")).isEqualTo(Map.of("deadline", "16:30"));
        });
        assertThat(healthSees).isEmpty();
        assertThat(statusOf(as("u-office-1", "/api/v1/alerts?type=NOPE").get())).isEqualTo(422);
    }

    @Test
    void onlyARecipientSupervisorOrTheOfficeMayAcknowledgeAndEveryAttemptIsAudited() {
        String alertId = Fixtures.alert(AlertType.MISSING, "cp-tianbao-port", AlertState.RAISED, Fixtures.DEADLINE,
                List.of()).getAlertId();
        String path = "/api/v1/alerts/" + alertId.replace("|", "%7C") + "/ack";

        Response refused = as("u-health-sj", path).post(Entity.json(""));
        Response accepted = as("u-dc-07", path).post(Entity.json(""));
        Response unknown = as("u-office-1", "/api/v1/alerts/nope/ack").post(Entity.json(""));

        assertThat(statusOf(refused)).isEqualTo(403);
        assertThat(accepted.getStatus()).isEqualTo(200);
        assertThat(accepted.readEntity(MAP)).containsEntry("acknowledgedAt", "2026-03-02T17:30:00+08:00");
        assertThat(statusOf(unknown)).isEqualTo(404);
        List<Map<String, Object>> audit = DB.jdbi().withHandle(h -> h.createQuery(
                "SELECT actor, detail ->> 'outcome' AS outcome, source FROM audit WHERE action = 'ALERT_ACK' "
                        + "ORDER BY id").mapToMap().list());
        assertThat(audit).extracting(a -> a.get("actor") + ":" + a.get("outcome"))
                .containsExactly("u-health-sj:REFUSED", "u-dc-07:ACCEPTED");
        assertThat(audit.get(1).get("source")).isNotNull();
    }

    @Test
    void theLedgerCountsPerUnitAndPrincipalAsJsonAndAsASpreadsheet() throws Exception {
        String query = "?from=2026-03-01&to=2026-03-31";
        List<Map<String, Object>> ledger = as("u-office-1", "/api/v1/ledger" + query).get(LIST);
        Response xlsx = as("u-office-1", "/api/v1/ledger.xlsx" + query).get();

        Map<String, Object> port = ledger.stream().filter(l -> l.get("unitId").equals("cp-tianbao-port"))
                .findFirst().orElseThrow();
        assertThat(port.keySet()).containsExactlyInAnyOrder("unitId", "name", "principal", "late", "missing",
                "unsigned", "concealmentSuspected");
        assertThat(port).containsEntry("principal", "张三").containsEntry("missing", 1).containsEntry("late", 0);
        Map<String, Object> tianbao = ledger.stream().filter(l -> l.get("unitId").equals("twn-tianbao"))
                .findFirst().orElseThrow();
        assertThat(tianbao).containsEntry("concealmentSuspected", 1);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (InputStream in = xlsx.readEntity(InputStream.class); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("问责台账");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("单位");
            boolean found = false;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("dep-health")) {
                    assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo("陈六");
                    assertThat(sheet.getRow(r).getCell(3).getNumericCellValue()).isEqualTo(1.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(statusOf(as("u-office-1", "/api/v1/ledger?from=2026-03-31&to=2026-03-01").get()))
                .isEqualTo(422);
    }

    @Test
    void theLiveBoardStreamAnswersAtOnceAsServerSentEvents() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + APP.getLocalPort() + "/api/v1/board/events"))
                .header("Authorization", "Bearer " + Fixtures.tokenOf("u-office-1")).build();

        var response = http.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream())
                .get(20, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo(": connected");
        }
    }

    @Test
    void theOpenApiDocumentIsServedWithoutATokenAndMatchesTheCopyInDocs() throws Exception {
        Response response = anonymous("/api/openapi.json").get();
        String served = response.readEntity(String.class);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(served).contains("\"openapi\": \"3.0.3\"").contains("/api/v1/days/{date}/status");
        java.nio.file.Path docs = java.nio.file.Path.of("..", "docs", "api", "bulletin-service.openapi.json");
        if (java.nio.file.Files.exists(docs)) {
            assertThat(java.nio.file.Files.readString(docs)).isEqualTo(served);
        }
    }

    @Test
    void aUnitsHistoryShowsItsDaysAndWhoLoweredWhatToThoseWhoMaySeeIt() {
        Map<String, Object> history = as("u-dc-07", "/api/v1/units/twn-tianbao/history?days=30").get(MAP);

        assertThat(history).containsEntry("name", "天保镇");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> days = (List<Map<String, Object>>) history.get("days");
        assertThat(days).singleElement().satisfies(d -> assertThat(d).containsEntry("date", DAY)
                .containsEntry("status", "ON_TIME"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> revisions = (List<Map<String, Object>>) history.get("revisions");
        assertThat(revisions).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("submittedBy", "u-tianbao-clerk").containsEntry("signedBy", "u-tianbao-sj");
            assertThat(r.get("lowered")).isEqualTo(List.of(Map.of("code", "centralized_isolation",
                    "name", "集中隔离观察人数", "from", 5, "to", 3)));
        });
        assertThat(statusOf(as("u-health-sj", "/api/v1/units/twn-tianbao/history").get())).isEqualTo(403);
        assertThat(statusOf(as("u-office-1", "/api/v1/units/nope/history").get())).isEqualTo(404);
        assertThat(statusOf(as("u-office-1", "/api/v1/units/twn-tianbao/history?days=0").get())).isEqualTo(422);
    }

    @Test
    void instantsAreGivenInTheJurisdictionsWallClockTimeWithItsOffset() {
        // given the jurisdiction keeps Asia/Shanghai time, and the alert was raised at 08:30 UTC
        List<Map<String, Object>> alerts = as("u-office-1", "/api/v1/alerts?type=MISSING").get(LIST);
        Map<String, Object> history = as("u-office-1", "/api/v1/units/twn-tianbao/history?days=30").get(MAP);
        List<Map<String, Object>> inbox = as("u-office-1", "/api/v1/inbox").get(LIST);

        // then every instant is told as 16:30 in Shanghai, with its offset, in the same fields as before
        assertThat(alerts).singleElement().satisfies(a ->
                assertThat(a).containsEntry("raisedAt", "2026-03-02T16:30:00+08:00"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> revisions = (List<Map<String, Object>>) history.get("revisions");
        assertThat(revisions).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("submittedAt", "2026-03-02T16:15:00+08:00")
                .containsEntry("signedAt", "2026-03-02T16:25:00+08:00"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> days = (List<Map<String, Object>>) history.get("days");
        assertThat(days).singleElement().satisfies(d ->
                assertThat(d).containsEntry("signedAt", "2026-03-02T16:25:00+08:00"));
        assertThat(inbox).singleElement().satisfies(m ->
                assertThat(m).containsEntry("createdAt", "2026-03-02T16:32:00+08:00"));
    }

    @Test
    void meTellsTheBearerWhoTheyAreAndWhatRoleTheyHold() {
        Map<String, Object> office = as("u-office-1", "/api/v1/me").get(MAP);
        Map<String, Object> principal = as("u-port-sj", "/api/v1/me").get(MAP);

        assertThat(office).containsOnlyKeys("userId", "name", "role", "unitId", "jurisdictionId", "jurisdictionName",
                "timezone");
        assertThat(office).containsEntry("userId", "u-office-1").containsEntry("name", "办公室")
                .containsEntry("role", "OFFICE").containsEntry("unitId", null)
                .containsEntry("jurisdictionId", Fixtures.COUNTY).containsEntry("jurisdictionName", "示例县")
                .containsEntry("timezone", "Asia/Shanghai");
        assertThat(principal).containsEntry("role", "PRINCIPAL").containsEntry("unitId", "cp-tianbao-port");
        assertThat(statusOf(anonymous("/api/v1/me").get())).isEqualTo(401);
    }

    @Test
    void theInspectedUnitRecordsItsRectificationOnceAndOthersAreRefused() {
        String path = "/api/v1/findings/f-1/rectification";

        Response refused = as("u-health-sj", path).post(Entity.json(Map.of("text", "已整改")));
        Response empty = as("u-port-sj", path).post(Entity.json(Map.of()));
        Map<String, Object> done = as("u-port-sj", path).post(Entity.json(Map.of("text", "已补齐体温检测登记")), MAP);
        Response again = as("u-port-sj", path).post(Entity.json(Map.of("text", "再次")));
        List<Map<String, Object>> rectified = as("u-office-1", "/api/v1/findings?status=RECTIFIED").get(LIST);

        assertThat(statusOf(refused)).isEqualTo(403);
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.readEntity(String.class)).contains("\"field\":\"text\"");
        assertThat(done).containsEntry("status", "RECTIFIED").containsEntry("rectification", "已补齐体温检测登记")
                .containsEntry("rectifiedAt", "2026-03-02T17:30:00+08:00");
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.readEntity(String.class)).contains("ALREADY_RECTIFIED");
        assertThat(rectified).extracting(f -> f.get("findingId")).containsExactly("f-1");
    }

    @Test
    void aNulCharacterInARectificationIs422NamingTextAndRecordsNothing() {
        Reply answer = Reply.of(as("u-port-sj", "/api/v1/findings/f-2/rectification")
                .post(Entity.json(Map.of("text", "已补齐\u0000台账"))));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("\"code\":\"VALIDATION_FAILED\"").contains("\"field\":\"text\"");
        assertThat(as("u-office-1", "/api/v1/findings?status=OPEN").get(LIST))
                .filteredOn(f -> f.get("findingId").equals("f-2")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("status", "OPEN").containsEntry("rectification", null));
        int audited = DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit WHERE target = 'f-2'")
                .mapTo(Integer.class).one());
        assertThat(audited).isZero();
    }

    @Test
    void aNulCharacterInAQueryParameterIs422NamingIt() {
        Reply alerts = Reply.of(as("u-office-1", "/api/v1/alerts?unitId=twn%00tianbao").get());

        assertThat(alerts.status()).isEqualTo(422);
        assertThat(alerts.body()).contains("\"field\":\"unitId\"");
    }

    @Test
    void aNumberParameterThatIsNoNumberIs422NamingItAsAnOutOfRangeOneIs() {
        String history = "/api/v1/units/twn-tianbao/history?days=";
        List<Reply> days = List.of(Reply.of(as("u-office-1", history + "abc").get()),
                Reply.of(as("u-office-1", history + "99999999999").get()),
                Reply.of(as("u-office-1", history + "0").get()));
        Reply inbox = Reply.of(as("u-office-1", "/api/v1/inbox/abc/read").post(Entity.json("")));

        assertThat(days).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.body()).contains("\"code\":\"VALIDATION_FAILED\"").contains("\"field\":\"days\"");
        });
        assertThat(inbox.status()).isEqualTo(422);
        assertThat(inbox.body()).contains("\"field\":\"id\"");
    }

    /** An answer read whole, so its pooled connection is returned whatever the assertions find. */
    private record Reply(int status, String body) {

        static Reply of(Response response) {
            try (response) {
                return new Reply(response.getStatus(), response.readEntity(String.class));
            }
        }
    }
}
