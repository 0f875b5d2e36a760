package io.ribao.reliability.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ribao.bulletin.projection.Applied;
import io.ribao.bulletin.projection.ProjectionListener;
import io.ribao.reliability.Api;
import io.ribao.reliability.TopicContents;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Keys;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.TaskId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #7 item 2: two instances of each service against one broker and one PostgreSQL. Two report-ingest instances
 * share the clients (affinity by user, as the compose load balancer does), two aggregation-streams instances (one
 * application id, own state directories) share the tasks of four partitions, two bulletin-service instances share
 * the database. Mid-load one instance of each kind dies: Streams abruptly (no commit, no leave), report-ingest and
 * bulletin-service by stopping their servers; clients retry on the other ingest instance with the same
 * Idempotency-Key. Meanwhile the deadlines of a county whose townships never report fall due and its day closes.
 * Afterwards every accepted report is in {@code ribao.reports} exactly once, every status and the roll-ups equal the
 * ground truth on the topics and on the board of both bulletin instances (the killed one restarted), every alert was
 * raised once and reached each of its webhook recipients once, the closed day was drafted into one bulletin, the two
 * projections together applied each record once, and the instance that ran throughout told its listeners (the live
 * board) of every record, wherever it was applied (decisions 720, 721).
 */
class MultiInstanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(MultiInstanceTest.class);
    private static final int PARTITIONS = 4;
    private static final int MAIN_UNITS = 160;
    private static final int QUIET_UNITS = 40;
    private static final int CLIENTS = 4;
    private static final Duration QUIET_DEADLINE_AHEAD = Duration.ofSeconds(20);
    private static final Duration QUIET_BULLETIN_AFTER = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final Api api = new Api();
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger[] applied = {new AtomicInteger(), new AtomicInteger()};
    /** The quiet county's status and alert records each bulletin instance told its listeners of, wherever applied. */
    private final AtomicInteger[] quietShown = {new AtomicInteger(), new AtomicInteger()};
    private final Map<String, FailoverClient.Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger failovers = new AtomicInteger();
    private WebhookReceiver hooks;
    private TwoOfEach stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (hooks != null) {
            hooks.close();
        }
    }

    @Test
    void withOneInstanceOfEachKindKilledMidLoadEveryReportAlertAndDeliveryCountsOnceOnEveryInstance()
            throws Exception {
        // given one broker, one registry, one PostgreSQL and two instances of each service
        Instant start = clock.instant();
        ScaleOutRoster roster = new ScaleOutRoster(MAIN_UNITS, QUIET_UNITS, start);
        LocalDate today = roster.today();
        hooks = WebhookReceiver.start();
        Path mainRoster = dir.resolve("scale-roster.yaml");
        Files.writeString(mainRoster, roster.mainYaml(start), StandardCharsets.UTF_8);
        stack = TwoOfEach.start(dir, PARTITIONS, mainRoster, clock, this::countingListener);
        String kafka = stack.kafka();
        Topics topics = stack.topics();
        List<String> ingestUrls = stack.ingestUrls();
        List<String> bulletinUrls = stack.bulletinUrls();
        String office = roster.token(ScaleOutRoster.OFFICE);

        // then the work is shared: each Streams instance runs tasks of its own, both projections run
        Set<TaskId> allTasks = new HashSet<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            allTasks.clear();
            for (int i = 0; i < 2; i++) {
                assertThat(stack.streams(i).state()).isEqualTo(KafkaStreams.State.RUNNING);
                Set<TaskId> own = stack.activeTasks(i);
                assertThat(own).as("active tasks of an instance").isNotEmpty();
                assertThat(Collections.disjoint(own, allTasks)).as("tasks run by both instances").isTrue();
                allTasks.addAll(own);
            }
            assertThat(allTasks.stream().map(TaskId::partition).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(0, 1, 2, 3);
        });
        for (String bulletin : bulletinUrls) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                Api.Reply health = api.get(bulletin + "/admin/healthcheck", null);
                assertThat(health.json().path("projection").path("healthy").asBoolean()).as(health.toString())
                        .isTrue();
                Api.Reply board = api.get(bulletin + "/api/v1/days/" + today + "/status", office);
                assertThat(board.status()).as(board.toString()).isEqualTo(200);
                assertThat(board.json().path("expected").asInt()).isEqualTo(MAIN_UNITS + 1);
            });
        }

        // when the quiet county is published with its deadline seconds ahead, and the load runs
        Instant quietDeadline = clock.instant().plus(QUIET_DEADLINE_AHEAD);
        Api.Reply published = api.send("POST", ingestUrls.get(1) + "/api/v1/roster",
                roster.token(ScaleOutRoster.ADMIN), "application/yaml",
                roster.quietYaml(quietDeadline, quietDeadline.plus(QUIET_BULLETIN_AFTER), hooks.url())
                        .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        FailoverClient client = new FailoverClient(ingestUrls);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            // first revisions: a fifth, then Streams instance 0 dies abruptly
            awaitAnswers(submit(pool, client, roster, today, 1, 0, MAIN_UNITS / 5));
            Set<TaskId> before = stack.activeTasks(0);
            stack.killStreams(0);
            LOG.info("Streams instance 0 killed at {} with tasks {}; quiet deadline {}", clock.instant(), before,
                    quietDeadline);
            // the rest of the first revisions, while report-ingest instance 0 stops under them
            List<Future<?>> rest = submit(pool, client, roster, today, 1, MAIN_UNITS / 5, MAIN_UNITS);
            stack.stopIngest(0);
            LOG.info("report-ingest instance 0 stopped at {}, {} requests answered", clock.instant(), answers.size());
            awaitAnswers(rest);
            // the survivor has read back every first revision before the second ones come (decision 404)
            awaitRevisionsReadBack(ingestUrls.get(1), roster, today);
            // second revisions, while bulletin-service instance 0 stops under them
            List<Future<?>> second = submit(pool, client, roster, today, 2, 0, MAIN_UNITS);
            stack.stopBulletin(0);
            LOG.info("bulletin-service instance 0 stopped at {}, {} requests answered", clock.instant(),
                    answers.size());
            awaitAnswers(second);
            // the surviving Streams instance takes over the dead one's tasks
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(stack.activeTasks(1)).containsAll(before).containsAll(allTasks));
            LOG.info("Streams instance 1 runs every task at {}", clock.instant());
        } finally {
            pool.shutdownNow();
        }

        // then every request was answered once, and the dead ingest instance's users all failed over
        assertThat(answers).hasSize(MAIN_UNITS * 2);
        assertThat(answers.values()).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(202));
        LOG.info("{} requests failed over to the other ingest instance", failovers.get());
        assertThat(failovers.get()).as("requests that went to the other ingest instance")
                .isGreaterThanOrEqualTo(MAIN_UNITS / 2);

        // and the board of the surviving bulletin instance shows the ground truth, as does the restarted one, to
        // each county's office
        String quietOffice = roster.token(ScaleOutRoster.QUIET_OFFICE);
        String survivor = bulletinUrls.get(1);
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertBoardIsTheTruth(survivor, office, quietOffice, today));
        stack.startBulletin(0);
        for (String bulletin : bulletinUrls) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertBoardIsTheTruth(bulletin, office, quietOffice, today));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertAlertsAreTheTruth(bulletin, office, quietOffice, today));
            // the quiet county's day closed once: one bulletin drafted, whichever replica projected the closing
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Api.Reply list = api.get(bulletin + "/api/v1/bulletins?date=" + today,
                        roster.token(ScaleOutRoster.QUIET_OFFICE));
                assertThat(list.status()).as(list.toString()).isEqualTo(200);
                assertThat(list.json().size()).as(list.toString()).isOne();
                assertThat(list.json().get(0).path("state").asText()).isEqualTo("DRAFT");
                assertThat(list.json().get(0).path("version").asInt()).isOne();
            });
        }
        List<BulletinEvent> drafts = TopicContents.values(kafka, topics.bulletins());
        assertThat(drafts).singleElement().satisfies(b -> {
            assertThat(b.getJurisdictionId()).isEqualTo(ScaleOutRoster.QUIET);
            assertThat(b.getState().name()).isEqualTo("DRAFT");
        });

        // and ribao.reports holds every accepted report exactly once
        List<ReportEvent> reports = TopicContents.values(kafka, topics.reports());
        Map<String, List<ReportEvent>> byKey = reports.stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.getIdempotencyKey())));
        assertThat(byKey.keySet()).isEqualTo(answers.keySet());
        byKey.forEach((key, events) -> {
            assertThat(events).as(key).hasSize(1);
            FailoverClient.Answer answer = answers.get(key);
            assertThat(events.get(0).getReportId()).as(key).isEqualTo(answer.body().path("reportId").asText());
            assertThat(events.get(0).getRevision()).as(key).isEqualTo(answer.body().path("revision").asInt());
        });
        for (int u = 0; u < MAIN_UNITS; u++) {
            String unit = ScaleOutRoster.mainUnit(u);
            assertThat(reports.stream().filter(r -> r.getUnitId().equals(unit)).map(ReportEvent::getRevision))
                    .as(unit).containsExactlyInAnyOrder(1, 2);
        }

        // and the statuses and roll-ups on the topics are the truth
        Map<String, UnitDayStatus> statuses = TopicContents.latest(kafka, topics.unitDayStatus());
        for (int u = 0; u < MAIN_UNITS; u++) {
            UnitDayStatus status = statuses.get(Keys.ofDay(ScaleOutRoster.mainUnit(u), today));
            assertThat(status).as(ScaleOutRoster.mainUnit(u)).isNotNull();
            assertThat(status.getState().name()).isEqualTo("ON_TIME");
            assertThat(status.getSignedRevision()).isEqualTo(2);
            assertThat(status.getMetrics()).containsEntry("m0", metric(u, 2));
        }
        for (String unit : quietUnits()) {
            UnitDayStatus status = statuses.get(Keys.ofDay(unit, today));
            assertThat(status).as(unit).isNotNull();
            assertThat(status.getState().name()).as(unit).isEqualTo("MISSING");
        }
        Map<String, Rollup> rollups = TopicContents.latest(kafka, topics.rollups());
        Rollup main = rollups.get(Keys.ofDay(ScaleOutRoster.MAIN, today));
        assertThat(main.getMetrics()).containsEntry("m0",
                IntStream.range(0, MAIN_UNITS).mapToLong(u -> metric(u, 2)).sum());
        assertThat(main.getCompleteness().getExpected()).isEqualTo(MAIN_UNITS + 1);
        assertThat(main.getCompleteness().getOnTime()).isEqualTo(MAIN_UNITS);
        Rollup quiet = rollups.get(Keys.ofDay(ScaleOutRoster.QUIET, today));
        assertThat(quiet.getCompleteness().getExpected()).isEqualTo(QUIET_UNITS + 1);
        assertThat(quiet.getCompleteness().getMissing()).isEqualTo(QUIET_UNITS + 1);

        // and every alert was raised once (and the reminders resolved once), none for the units that reported
        List<AlertEvent> alerts = TopicContents.values(kafka, topics.alerts());
        Map<String, Long> raised = alerts.stream().filter(a -> a.getState() == AlertState.RAISED)
                .collect(Collectors.groupingBy(a -> String.valueOf(a.getAlertId()), Collectors.counting()));
        Map<String, Long> resolved = alerts.stream().filter(a -> a.getState() == AlertState.RESOLVED)
                .collect(Collectors.groupingBy(a -> String.valueOf(a.getAlertId()), Collectors.counting()));
        assertThat(raised.keySet()).isEqualTo(expectedAlerts(today));
        assertThat(raised).as("times each alert was raised").allSatisfy((id, n) -> assertThat(n.longValue()).as(id).isOne());
        assertThat(resolved.keySet()).isEqualTo(quietAlerts("DUE_SOON", today));
        assertThat(resolved).as("times each alert was resolved").allSatisfy((id, n) -> assertThat(n.longValue()).as(id).isOne());

        // and each MISSING and STILL_MISSING alert reached its principal and the supervisor once, the resolved
        // reminders nobody, and nothing reached anyone twice
        Jdbi db = stack.bulletinDatabase(1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String alertId : townshipAlerts(today)) {
                String principal = "q-" + alertId.split(":")[1].substring("quiet-".length());
                assertThat(hooks.alertDeliveries(principal, alertId)).as(alertId).isPositive();
                assertThat(hooks.alertDeliveries(ScaleOutRoster.QUIET_SUPERVISOR, alertId)).as(alertId)
                        .isPositive();
            }
            assertThat(count(db, "SELECT count(*) FROM outbox WHERE state <> 'SENT'")).as("unsent messages").isZero();
            assertThat(count(db, "SELECT count(*) FROM alert_notices WHERE state = 'PENDING'")).as("pending notices")
                    .isZero();
        });
        Map<String, Long> deliveries = hooks.alertDeliveryCounts();
        assertThat(deliveries).as("deliveries per recipient|alert").allSatisfy((k, n) -> assertThat(n.longValue())
                .as(k).isOne());
        assertThat(deliveries).hasSize(townshipAlerts(today).size() * 2);
        // the county unit has no principal or supervisor: its alerts are on the board and in the office's inbox only
        assertThat(hooks.alertIdsDelivered()).containsExactlyInAnyOrderElementsOf(townshipAlerts(today));

        // and the two projections together applied every status and alert record once
        List<UnitDayStatus> statusRecords = TopicContents.values(kafka, topics.unitDayStatus());
        LOG.info("projection records applied: instance 0 {}, instance 1 {}; records {}", applied[0].get(),
                applied[1].get(), statusRecords.size() + alerts.size());
        assertThat(applied[0].get() + applied[1].get()).isEqualTo(statusRecords.size() + alerts.size());
        // and the instance that ran throughout told its dashboards of every record of the quiet county (all written
        // after it started) once, whichever instance applied it (decision 721)
        long quietRecords = statusRecords.stream().filter(r -> r.getJurisdictionId().equals(ScaleOutRoster.QUIET))
                .count() + alerts.stream().filter(a -> a.getJurisdictionId().equals(ScaleOutRoster.QUIET)).count();
        assertThat(quietShown[1].get()).isEqualTo(quietRecords);
    }

    /** Each county's office sees its own county's board only (decision 433), and each board is the truth. */
    private void assertBoardIsTheTruth(String bulletin, String office, String quietOffice, LocalDate today) {
        // the county units are expected too (nobody reports for them): the main one before, the quiet one after
        // its deadline
        JsonNode main = board(bulletin, office, today);
        assertThat(main.path("expected").asInt()).isEqualTo(MAIN_UNITS + 1);
        assertThat(main.path("onTime").asInt()).isEqualTo(MAIN_UNITS);
        assertThat(main.path("missing").asInt()).isZero();
        Map<String, String> states = new HashMap<>();
        Map<String, Integer> revisions = new HashMap<>();
        main.path("units").forEach(unit -> {
            states.put(unit.path("unitId").asText(), unit.path("status").asText());
            revisions.put(unit.path("unitId").asText(), unit.path("revision").asInt());
        });
        for (int u = 0; u < MAIN_UNITS; u++) {
            assertThat(states).containsEntry(ScaleOutRoster.mainUnit(u), "ON_TIME");
            assertThat(revisions).containsEntry(ScaleOutRoster.mainUnit(u), 2);
        }
        assertThat(states).containsEntry(ScaleOutRoster.MAIN, "EXPECTED").doesNotContainKeys(
                quietUnits().toArray(String[]::new));

        JsonNode quiet = board(bulletin, quietOffice, today);
        assertThat(quiet.path("expected").asInt()).isEqualTo(QUIET_UNITS + 1);
        assertThat(quiet.path("onTime").asInt()).isZero();
        assertThat(quiet.path("missing").asInt()).isEqualTo(QUIET_UNITS + 1);
        Map<String, String> quietStates = new HashMap<>();
        quiet.path("units").forEach(unit -> quietStates.put(unit.path("unitId").asText(), unit.path("status").asText()));
        for (String unit : quietUnits()) {
            assertThat(quietStates).containsEntry(unit, "MISSING");
        }
        assertThat(quietStates).hasSize(QUIET_UNITS + 1);
    }

    private JsonNode board(String bulletin, String office, LocalDate today) {
        Api.Reply board = api.get(bulletin + "/api/v1/days/" + today + "/status", office);
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        return board.json();
    }

    /** The quiet county's alerts are its office's; the main county, hours from its deadlines, has none. */
    private void assertAlertsAreTheTruth(String bulletin, String office, String quietOffice, LocalDate today) {
        Api.Reply mainAlerts = api.get(bulletin + "/api/v1/alerts?date=" + today, office);
        assertThat(mainAlerts.status()).as(mainAlerts.toString()).isEqualTo(200);
        assertThat(mainAlerts.json()).as(mainAlerts.toString()).isEmpty();
        Api.Reply reply = api.get(bulletin + "/api/v1/alerts?date=" + today, quietOffice);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Set<String> open = new HashSet<>();
        reply.json().forEach(alert -> {
            ids.add(alert.path("alertId").asText());
            if (alert.path("resolvedAt").isNull() || alert.path("resolvedAt").isMissingNode()) {
                open.add(alert.path("alertId").asText());
            }
        });
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedAlerts(today));
        assertThat(open).isEqualTo(openAlerts(today));
    }

    private static Set<String> expectedAlerts(LocalDate today) {
        Set<String> all = new HashSet<>(quietAlerts("MISSING", today));
        all.addAll(quietAlerts("STILL_MISSING", today));
        all.addAll(quietAlerts("DUE_SOON", today));
        return all;
    }

    /** The open alerts: MISSING and STILL_MISSING of every quiet unit. */
    private static Set<String> openAlerts(LocalDate today) {
        Set<String> open = new HashSet<>(quietAlerts("MISSING", today));
        open.addAll(quietAlerts("STILL_MISSING", today));
        return open;
    }

    /** The open alerts of the quiet townships (not the county unit), the ones with webhook recipients. */
    private static Set<String> townshipAlerts(LocalDate today) {
        Set<String> alerts = new HashSet<>(openAlerts(today));
        alerts.removeIf(id -> id.contains(":" + ScaleOutRoster.QUIET + ":"));
        return alerts;
    }

    /** The alert of the type for every quiet unit, the county itself included. */
    private static Set<String> quietAlerts(String type, LocalDate today) {
        return quietUnits().stream().map(unit -> type + ":" + unit + ":" + today).collect(Collectors.toSet());
    }

    /** The quiet county's townships and the county unit itself, none of which reports. */
    private static List<String> quietUnits() {
        List<String> units = new ArrayList<>(IntStream.range(0, QUIET_UNITS).mapToObj(ScaleOutRoster::quietUnit).toList());
        units.add(ScaleOutRoster.QUIET);
        return units;
    }

    private static long count(Jdbi db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static long metric(int unit, int revision) {
        return revision * 100L + unit;
    }

    /**
     * One request per unit in [from, to) for the revision, spread over the client threads; each user sticks to one
     * ingest instance (unit parity) while it is up.
     */
    private List<Future<?>> submit(ExecutorService pool, FailoverClient client, ScaleOutRoster roster,
                                   LocalDate today, int revision, int from, int to) {
        List<Future<?>> futures = new ArrayList<>();
        for (int u = from; u < to; u++) {
            int unit = u;
            futures.add(pool.submit(() -> {
                String key = "k-" + ScaleOutRoster.mainUnit(unit) + "-" + revision;
                FailoverClient.Answer answer = client.submit(unit % 2,
                        roster.token(ScaleOutRoster.mainPrincipal(unit)), key,
                        "{\"unitId\":\"" + ScaleOutRoster.mainUnit(unit) + "\",\"date\":\"" + today
                                + "\",\"metrics\":{\"m0\":" + metric(unit, revision) + "}}");
                failovers.addAndGet(answer.failovers());
                assertThat(answers.putIfAbsent(key, answer)).as(key).isNull();
                return null;
            }));
        }
        return futures;
    }

    private static void awaitAnswers(List<Future<?>> futures) throws Exception {
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
    }

    /** Until the ingest instance answers revision 1 for every unit (it reads the other instance's writes back). */
    private void awaitRevisionsReadBack(String ingest, ScaleOutRoster roster, LocalDate today) {
        Set<Integer> pending = new HashSet<>(IntStream.range(0, MAIN_UNITS).boxed().toList());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (Integer u : List.copyOf(pending)) {
                Api.Reply reply = api.get(ingest + "/api/v1/reports?unitId=" + ScaleOutRoster.mainUnit(u) + "&date="
                        + today, roster.token(ScaleOutRoster.mainPrincipal(u)));
                if (reply.status() == 200 && reply.json().size() == 1) {
                    pending.remove(u);
                }
            }
            assertThat(pending).as("units whose first revision the instance has not read back").isEmpty();
        });
    }

    /** Counts what a bulletin instance's projection applied, and the quiet county's records it told of. */
    private ProjectionListener countingListener(int instance) {
        return new ProjectionListener() {
            @Override
            public void afterCommit(Applied batch) {
                applied[instance].addAndGet(batch.statuses().size() + batch.alerts().size());
                quietShown[instance].addAndGet(quietRecords(batch));
            }

            @Override
            public void appliedElsewhere(Applied batch) {
                quietShown[instance].addAndGet(quietRecords(batch));
            }
        };
    }

    private static int quietRecords(Applied batch) {
        return (int) (batch.statuses().stream().filter(s -> s.getJurisdictionId().equals(ScaleOutRoster.QUIET)).count()
                + batch.alerts().stream().filter(a -> a.getJurisdictionId().equals(ScaleOutRoster.QUIET)).count());
    }
}
