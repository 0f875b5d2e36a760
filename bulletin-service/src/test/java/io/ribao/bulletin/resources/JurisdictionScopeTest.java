package io.ribao.bulletin.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.report.Finding;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.roster.User;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Keys;
import io.ribao.topics.Topics;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One deployment serving two counties (decision 420): the office, director and leaders of one read and act on the
 * units of their own jurisdiction only, and another's alert, finding or unit is answered as unknown (decision 433).
 * Fed through Kafka and the projection, asked over HTTP.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class JurisdictionScopeTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String OTHER = "other-county-" + SUFFIX;
    /** A demo-county checkpoint under 天保镇 (its principal u-port-sj, its supervisor u-dc-07). */
    private static final String HERE_UNIT = "cp-scope-" + SUFFIX;
    private static final String OTHER_ROOT = "oc-county-" + SUFFIX;
    private static final String OTHER_TOWN = "oc-town-" + SUFFIX;
    private static final String OTHER_OFFICE = "u-oc-office-" + SUFFIX;
    private static final String OTHER_DIRECTOR = "u-oc-director-" + SUFFIX;
    private static final String OTHER_LEADER = "u-oc-leader-" + SUFFIX;
    /** A day of its own, so what other tests left on the shared broker does not join it. */
    private static final LocalDate DAY = Fixtures.DAY.plusDays(50);
    /** The live board's day, so its changes leave the other tests' day as it was. */
    private static final LocalDate LIVE_DAY = DAY.plusDays(1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final TestDatabase DB = TestDatabase.fresh();
    private static final TestClock CLOCK = new TestClock(Fixtures.DEADLINE.plus(Duration.ofHours(1)));
    private static final Topics TOPICS = TestKafka.topics();
    private static final GenericType<List<Map<String, Object>>> LIST = new GenericType<>() { };
    private static final GenericType<Map<String, Object>> MAP = new GenericType<>() { };

    private static final AlertEvent HERE_LISTED = alert(AlertType.MISSING, Fixtures.COUNTY, HERE_UNIT);
    private static final AlertEvent HERE_ACKED = alert(AlertType.LATE, Fixtures.COUNTY, HERE_UNIT);
    private static final AlertEvent OTHER_LISTED = alert(AlertType.MISSING, OTHER, OTHER_TOWN);
    private static final String HERE_FINDING = "f-here-" + SUFFIX;
    private static final String HERE_FINDING_RECTIFIED = "f-here-rectified-" + SUFFIX;
    private static final String OTHER_FINDING = "f-other-" + SUFFIX;

    static {
        TestKafka.send(TOPICS.jurisdictions(), Fixtures.COUNTY, Fixtures.jurisdiction());
        Fixtures.units().forEach(u -> TestKafka.send(TOPICS.units(), u.getId(), u));
        Fixtures.users().forEach(u -> TestKafka.send(TOPICS.users(), u.getId(), u));
        TestKafka.send(TOPICS.units(), HERE_UNIT, Fixtures.unit(HERE_UNIT, "辖区卡点", UnitKind.CHECKPOINT,
                "twn-tianbao", "u-port-sj", List.of("u-dc-07")));
        TestKafka.send(TOPICS.jurisdictions(), OTHER, Jurisdiction.newBuilder(Fixtures.jurisdiction()).setId(OTHER)
                .setName("邻县").setOfficeUserIds(List.of(OTHER_OFFICE))
                .setBulletinRecipientIds(List.of(OTHER_LEADER)).build());
        TestKafka.send(TOPICS.units(), OTHER_ROOT, otherUnit(OTHER_ROOT, "邻县", UnitKind.COUNTY, null));
        TestKafka.send(TOPICS.units(), OTHER_TOWN, otherUnit(OTHER_TOWN, "邻县某镇", UnitKind.TOWNSHIP, OTHER_ROOT));
        for (User u : List.of(otherUser(OTHER_OFFICE, Role.OFFICE), otherUser(OTHER_DIRECTOR, Role.DIRECTOR),
                otherUser(OTHER_LEADER, Role.LEADER))) {
            TestKafka.send(TOPICS.users(), u.getId(), u);
        }
    }

    static final DropwizardAppExtension<BulletinConfiguration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(BulletinApplication.class, ResourceHelpers.resourceFilePath("service-test.yml"),
                    ConfigOverride.config("database.url", DB::jdbcUrl),
                    ConfigOverride.config("migrateOnStartup", "true"),
                    ConfigOverride.config("projectionEnabled", "true"),
                    ConfigOverride.config("kafka.consumerName", "scope-" + SUFFIX),
                    ConfigOverride.config("kafka.bootstrapServers", TestKafka::bootstrapServers),
                    ConfigOverride.config("schemaRegistryUrl", TestKafka.REGISTRY_URL)) {
                @Override
                public io.dropwizard.core.Application<BulletinConfiguration> newApplication() {
                    return new BulletinApplication(CLOCK);
                }
            });

    private static Unit otherUnit(String id, String name, UnitKind kind, String parent) {
        return Unit.newBuilder(Fixtures.unit(id, name, kind, null, null, List.of())).setJurisdictionId(OTHER)
                .setParentId(parent).setAncestorIds(parent == null ? List.of() : List.of(parent)).build();
    }

    private static User otherUser(String id, Role role) {
        return User.newBuilder(Fixtures.user(id, "邻县" + role.name(), role, null, List.of()))
                .setJurisdictionId(OTHER).build();
    }

    private static AlertEvent alert(AlertType type, String jurisdictionId, String unitId) {
        AlertEvent raised = Fixtures.alert(type, unitId, AlertState.RAISED, Fixtures.DEADLINE, List.of());
        return AlertEvent.newBuilder(raised).setJurisdictionId(jurisdictionId).setDate(DAY)
                .setAlertId(type + "|" + unitId + "|" + DAY).build();
    }

    private static UnitDayStatus status(String jurisdictionId, String unitId, LocalDate day, UnitDayState state) {
        return UnitDayStatus.newBuilder(Fixtures.status(unitId, state, Fixtures.DEADLINE))
                .setJurisdictionId(jurisdictionId).setDate(day).build();
    }

    /** A supervision team's signed report naming one finding on the given unit. */
    private static ReportEvent findingReport(String jurisdictionId, String findingId, String unitId) {
        return ReportEvent.newBuilder().setEventId("e-" + findingId).setType(ReportEventType.SIGNED_OFF)
                .setReportId("r-" + findingId).setJurisdictionId(jurisdictionId).setUnitId("st-" + findingId)
                .setDate(DAY).setRevision(1).setZeroReport(false).setMetrics(Map.of())
                .setSubmittedBy("u-st").setSubmittedAt(Fixtures.DEADLINE).setSignedBy("u-st")
                .setSignedAt(Fixtures.DEADLINE).setSigner(Signer.PRINCIPAL)
                .setFindings(List.of(Finding.newBuilder().setFindingId(findingId).setUnitId(unitId)
                        .setProblem("体温检测记录不全").setDueDate(DAY.plusDays(2)).build()))
                .build();
    }

    @BeforeAll
    static void bothCountiesAreProjected() {
        TestKafka.send(TOPICS.unitDayStatus(), Keys.ofDay(HERE_UNIT, DAY),
                status(Fixtures.COUNTY, HERE_UNIT, DAY, UnitDayState.LATE));
        TestKafka.send(TOPICS.unitDayStatus(), Keys.ofDay(OTHER_TOWN, DAY),
                status(OTHER, OTHER_TOWN, DAY, UnitDayState.MISSING));
        for (AlertEvent a : List.of(HERE_LISTED, HERE_ACKED, OTHER_LISTED)) {
            TestKafka.send(TOPICS.alerts(), a.getAlertId(), a);
        }
        TestKafka.send(TOPICS.reports(), HERE_UNIT, findingReport(Fixtures.COUNTY, HERE_FINDING, HERE_UNIT));
        TestKafka.send(TOPICS.reports(), HERE_UNIT,
                findingReport(Fixtures.COUNTY, HERE_FINDING_RECTIFIED, HERE_UNIT));
        TestKafka.send(TOPICS.reports(), OTHER_TOWN, findingReport(OTHER, OTHER_FINDING, OTHER_TOWN));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM units WHERE unit_id IN (?, ?, ?)",
                HERE_UNIT, OTHER_ROOT, OTHER_TOWN) == 3
                && count("SELECT count(*) FROM users WHERE user_id IN (?, ?, ?)",
                OTHER_OFFICE, OTHER_DIRECTOR, OTHER_LEADER) == 3
                && count("SELECT count(*) FROM unit_day_status WHERE unit_id IN (?, ?)", HERE_UNIT, OTHER_TOWN) == 2
                && count("SELECT count(*) FROM alerts WHERE alert_id IN (?, ?, ?)", HERE_LISTED.getAlertId(),
                HERE_ACKED.getAlertId(), OTHER_LISTED.getAlertId()) == 3
                && count("SELECT count(*) FROM findings WHERE finding_id IN (?, ?, ?)", HERE_FINDING,
                HERE_FINDING_RECTIFIED, OTHER_FINDING) == 3
                && count("SELECT count(*) FROM users WHERE user_id = ?", "u-office-1") == 1);
    }

    private static long count(String sql, Object... args) {
        return DB.jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                query.bind(i, args[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    private static Invocation.Builder as(String userId, String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path).request()
                .header("Authorization", "Bearer " + Fixtures.tokenOf(userId));
    }

    private static Reply post(String userId, String path, Object body) {
        try (Response response = as(userId, path).post(Entity.json(body))) {
            return new Reply(response.getStatus(), response.readEntity(String.class));
        }
    }

    private static Reply get(String userId, String path) {
        try (Response response = as(userId, path).get()) {
            return new Reply(response.getStatus(), response.readEntity(String.class));
        }
    }

    private record Reply(int status, String body) {
    }

    private static String ackPath(AlertEvent alert) {
        return "/api/v1/alerts/" + alert.getAlertId().replace("|", "%7C") + "/ack";
    }

    private static Map<String, Object> alertRow(String alertId) {
        return DB.jdbi().withHandle(h -> h.createQuery(
                "SELECT acknowledged_at, acknowledged_by FROM alerts WHERE alert_id = ?")
                .bind(0, alertId).mapToMap().one());
    }

    private static Map<String, Object> findingRow(String findingId) {
        return DB.jdbi().withHandle(h -> h.createQuery(
                "SELECT status, rectification, rectified_at FROM findings WHERE finding_id = ?")
                .bind(0, findingId).mapToMap().one());
    }

    /** The refused attempts on the target, as "actor action reason". */
    private static List<String> refusalsOn(String target) {
        return DB.jdbi().withHandle(h -> h.createQuery("""
                        SELECT actor || ' ' || action || ' ' || (detail ->> 'reason') FROM audit
                        WHERE target = :target AND detail ->> 'outcome' = 'REFUSED' ORDER BY id""")
                .bind("target", target).mapTo(String.class).list());
    }

    @SuppressWarnings("unchecked")
    private static List<String> unitIds(Map<String, Object> dayStatus) {
        return ((List<Map<String, Object>>) dayStatus.get("units")).stream()
                .map(u -> (String) u.get("unitId")).toList();
    }

    @Test
    void anotherCountysOfficeCannotAcknowledgeThisCountysAlertWhichStaysUnacknowledged() {
        // when the other county's office acknowledges this county's alert
        Reply foreign = post(OTHER_OFFICE, ackPath(HERE_ACKED), "");

        // then it is answered as an unknown alert, nothing is acknowledged, and the attempt is on record
        Reply unknown = post(OTHER_OFFICE, "/api/v1/alerts/no-such-alert/ack", "");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(alertRow(HERE_ACKED.getAlertId()))
                .containsEntry("acknowledged_at", null).containsEntry("acknowledged_by", null);
        assertThat(refusalsOn(HERE_ACKED.getAlertId())).containsExactly(OTHER_OFFICE + " ALERT_ACK another jurisdiction's alert");

        // and this county's office still acknowledges it
        Reply own = post("u-office-1", ackPath(HERE_ACKED), "");
        assertThat(own.status()).isEqualTo(200);
        assertThat(alertRow(HERE_ACKED.getAlertId())).containsEntry("acknowledged_by", "u-office-1");
    }

    @Test
    void anotherCountysOfficeCannotRecordARectificationOnThisCountysFinding() {
        String path = "/api/v1/findings/" + HERE_FINDING_RECTIFIED + "/rectification";

        Reply foreign = post(OTHER_OFFICE, path, Map.of("text", "已整改"));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(findingRow(HERE_FINDING_RECTIFIED)).containsEntry("status", "OPEN")
                .containsEntry("rectification", null).containsEntry("rectified_at", null);
        assertThat(refusalsOn(HERE_FINDING_RECTIFIED))
                .containsExactly(OTHER_OFFICE + " FINDING_RECTIFY another jurisdiction's finding");

        Reply own = post("u-office-1", path, Map.of("text", "已补齐体温检测登记"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(findingRow(HERE_FINDING_RECTIFIED)).containsEntry("status", "RECTIFIED")
                .containsEntry("rectification", "已补齐体温检测登记");
    }

    @Test
    void eachCountysOfficeListsTheAlertsAndFindingsOfItsOwnCountyOnly() {
        List<String> otherAlerts = as(OTHER_OFFICE, "/api/v1/alerts?date=" + DAY).get(LIST).stream()
                .map(a -> (String) a.get("alertId")).toList();
        List<String> hereAlerts = as("u-office-1", "/api/v1/alerts?date=" + DAY).get(LIST).stream()
                .map(a -> (String) a.get("alertId")).toList();
        List<String> otherByUnit = as(OTHER_OFFICE, "/api/v1/alerts?unitId=" + HERE_UNIT).get(LIST).stream()
                .map(a -> (String) a.get("alertId")).toList();
        List<String> otherFindings = as(OTHER_OFFICE, "/api/v1/findings").get(LIST).stream()
                .map(f -> (String) f.get("findingId")).toList();
        List<String> hereFindings = as("u-office-1", "/api/v1/findings").get(LIST).stream()
                .map(f -> (String) f.get("findingId")).toList();

        assertThat(otherAlerts).containsExactly(OTHER_LISTED.getAlertId());
        assertThat(otherByUnit).isEmpty();
        assertThat(hereAlerts).contains(HERE_LISTED.getAlertId(), HERE_ACKED.getAlertId())
                .doesNotContain(OTHER_LISTED.getAlertId());
        assertThat(otherFindings).containsExactly(OTHER_FINDING);
        assertThat(hereFindings).contains(HERE_FINDING, HERE_FINDING_RECTIFIED).doesNotContain(OTHER_FINDING);
    }

    @Test
    void aThirdCountysManyNewerAlertsAndEarlierFindingsDoNotCrowdThisCountysOutOfItsLists() {
        // given a third county with a unit, 5000 alerts raised after this county's and 5000 findings due before
        String crowd = "crowd-county-" + SUFFIX;
        String crowdUnit = "crowd-unit-" + SUFFIX;
        DB.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO units (unit_id, jurisdiction_id, name, kind, active_from)
                    VALUES (?, ?, '他县卡点', 'CHECKPOINT', DATE '2026-01-01')""", crowdUnit, crowd);
            h.execute("""
                    INSERT INTO alerts (alert_id, type, severity, jurisdiction_id, unit_id, day, message, raised_at)
                    SELECT ? || n, 'MISSING', 'WARNING', ?, ?, ?, '他县未按时报送',
                           cast(? AS timestamptz) + n * interval '1 second'
                    FROM generate_series(1, 5000) n""",
                    "crowd-" + SUFFIX + "-", crowd, crowdUnit, DAY, Fixtures.DEADLINE.plusSeconds(60)
                            .atOffset(ZoneOffset.UTC));
            h.execute("""
                    INSERT INTO findings (finding_id, reported_by_unit_id, unit_id, day, problem, due_date)
                    SELECT ? || n, 'st-crowd', ?, ?, '他县问题', ?
                    FROM generate_series(1, 5000) n""",
                    "f-crowd-" + SUFFIX + "-", crowdUnit, DAY, DAY);
        });

        // when this county's office lists the day's alerts and the findings
        List<String> alerts = as("u-office-1", "/api/v1/alerts?date=" + DAY).get(LIST).stream()
                .map(a -> (String) a.get("alertId")).toList();
        List<String> findings = as("u-office-1", "/api/v1/findings").get(LIST).stream()
                .map(f -> (String) f.get("findingId")).toList();

        // then its own are there, and none of the third county's
        assertThat(alerts).contains(HERE_LISTED.getAlertId(), HERE_ACKED.getAlertId())
                .noneMatch(id -> id.startsWith("crowd-"));
        assertThat(findings).contains(HERE_FINDING, HERE_FINDING_RECTIFIED)
                .noneMatch(id -> id.startsWith("f-crowd-"));
    }

    @Test
    void theDayStatusCountsTheUnitsOfTheCallersOwnCountyOnly() {
        for (String user : List.of(OTHER_OFFICE, OTHER_DIRECTOR, OTHER_LEADER)) {
            Map<String, Object> other = as(user, "/api/v1/days/" + DAY + "/status").get(MAP);

            // the other county's root has no status of its own, so only its township is expected
            assertThat(unitIds(other)).as(user).containsExactly(OTHER_TOWN);
            assertThat(other).as(user).containsEntry("expected", 1).containsEntry("missing", 1)
                    .containsEntry("late", 0).containsEntry("onTime", 0).containsEntry("pendingSignoff", 0);
        }
        Map<String, Object> here = as("u-office-1", "/api/v1/days/" + DAY + "/status").get(MAP);
        assertThat(unitIds(here)).contains(HERE_UNIT, "twn-tianbao").doesNotContain(OTHER_TOWN);
        assertThat(here).containsEntry("expected", unitIds(here).size()).containsEntry("missing", 0)
                .containsEntry("late", 1);
    }

    @Test
    void theLedgerAndAUnitsHistoryStayWithinTheCallersCounty() {
        String period = "?from=" + DAY + "&to=" + DAY;
        List<String> otherLedger = as(OTHER_OFFICE, "/api/v1/ledger" + period).get(LIST).stream()
                .map(l -> (String) l.get("unitId")).toList();
        List<String> hereLedger = as("u-office-1", "/api/v1/ledger" + period).get(LIST).stream()
                .map(l -> (String) l.get("unitId")).toList();
        Reply otherHistory = get(OTHER_OFFICE, "/api/v1/units/" + HERE_UNIT + "/history");
        Reply leaderHistory = get(OTHER_LEADER, "/api/v1/units/" + HERE_UNIT + "/history");
        Reply hereHistory = get("u-office-1", "/api/v1/units/" + HERE_UNIT + "/history");
        Reply ownHistory = get(OTHER_OFFICE, "/api/v1/units/" + OTHER_TOWN + "/history");

        assertThat(otherLedger).containsExactly(OTHER_TOWN);
        assertThat(hereLedger).contains(HERE_UNIT).doesNotContain(OTHER_TOWN);
        assertThat(otherHistory.status()).as("another county's unit is unknown").isEqualTo(404);
        assertThat(leaderHistory.status()).isEqualTo(404);
        assertThat(otherHistory.body()).doesNotContain("辖区卡点");
        assertThat(hereHistory.status()).isEqualTo(200);
        assertThat(hereHistory.body()).contains("辖区卡点");
        assertThat(ownHistory.status()).isEqualTo(200);
    }

    @Test
    void theLiveBoardStreamsEachCountysChangesToItsOwnOfficeOnly() throws Exception {
        try (EventStream other = EventStream.open(OTHER_OFFICE); EventStream here = EventStream.open("u-office-1")) {
            // when this county's unit changes, then the other county's, then this county's again
            TestKafka.send(TOPICS.unitDayStatus(), Keys.ofDay(HERE_UNIT, LIVE_DAY),
                    status(Fixtures.COUNTY, HERE_UNIT, LIVE_DAY, UnitDayState.ON_TIME));
            List<String> hereFirst = here.until(HERE_UNIT, "\"status\":\"ON_TIME\"");
            TestKafka.send(TOPICS.unitDayStatus(), Keys.ofDay(OTHER_TOWN, LIVE_DAY),
                    status(OTHER, OTHER_TOWN, LIVE_DAY, UnitDayState.LATE));
            List<String> otherSaw = other.until(OTHER_TOWN, "\"status\":\"LATE\"");
            TestKafka.send(TOPICS.unitDayStatus(), Keys.ofDay(HERE_UNIT, LIVE_DAY),
                    status(Fixtures.COUNTY, HERE_UNIT, LIVE_DAY, UnitDayState.LATE));
            List<String> hereThen = here.until(HERE_UNIT, "\"status\":\"LATE\"");

            // then each office was told of its own county's changes, and never of the other's
            // (the other county's office was told of its change after this county's first one had been told)
            assertThat(hereFirst).isNotEmpty();
            assertThat(otherSaw).noneMatch(line -> line.contains(HERE_UNIT));
            assertThat(hereThen).noneMatch(line -> line.contains(OTHER_TOWN));
        }
    }

    /** An open {@code /api/v1/board/events} stream, its lines read on a thread of its own into a queue. */
    private static final class EventStream implements AutoCloseable {

        private final InputStream body;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private EventStream(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "board-events-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(String userId) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + APP.getLocalPort() + "/api/v1/board/events"))
                    .header("Authorization", "Bearer " + Fixtures.tokenOf(userId)).build();
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            EventStream stream = new EventStream(response.body());
            stream.until(": connected");
            return stream;
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the stream was closed by the test: nothing more to read
                lines.add(": closed " + e.getClass().getSimpleName());
            }
        }

        /** The lines read up to and including the first that contains every one of the texts. */
        List<String> until(String... texts) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(line).as("a line containing " + List.of(texts) + " after " + seen).isNotNull();
                seen.add(line);
                if (Arrays.stream(texts).allMatch(line::contains)) {
                    return seen;
                }
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
