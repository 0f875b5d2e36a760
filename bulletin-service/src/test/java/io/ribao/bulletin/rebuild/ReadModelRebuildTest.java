package io.ribao.bulletin.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestKafka;
import io.ribao.bulletin.db.AlertDao;
import io.ribao.bulletin.db.FindingDao;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.bulletin.delivery.NoticePlanner;
import io.ribao.bulletin.projection.Projection;
import io.ribao.bulletin.projection.RecordApplier;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.topics.Keys;
import io.ribao.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadModelRebuildTest {

    private static final Clock CLOCK = Clock.fixed(Fixtures.DEADLINE, ZoneOffset.UTC);
    private static final String CONSUMER = "bulletin-service";
    private static final List<String> DELIVERY_TABLES = List.of("alert_notices", "outbox", "delivery_attempts",
            "inbox", "bulletins", "bulletin_receipts", "audit");

    private final Topics topics = TestKafka.topics();
    private final List<Projection> running = new ArrayList<>();
    private final ByteArrayOutputStream progressOutput = new ByteArrayOutputStream();

    @AfterEach
    void stopProjections() throws InterruptedException {
        for (Projection p : running) {
            p.stop();
        }
    }

    private RecordApplier liveApplier() {
        return new RecordApplier(topics, new NoticePlanner(Duration.ofSeconds(10)));
    }

    private Projection startLiveProjection(Jdbi jdbi) {
        Projection projection = new Projection(jdbi, liveApplier(), (key, deadLetter) -> { }, CLOCK,
                TestKafka.bootstrapServers(), CONSUMER);
        projection.start();
        running.add(projection);
        return projection;
    }

    /** The live projection, run until its stored positions reach the log's end, then stopped. */
    private void projectLive(Jdbi jdbi) throws InterruptedException {
        Map<TopicPartition, Long> ends = RebuildLog.endOffsets(liveApplier().topicNames());
        Projection projection = startLiveProjection(jdbi);
        await().atMost(Duration.ofSeconds(90)).until(() -> storedPositions(jdbi).equals(withoutEmpty(ends)));
        projection.stop();
        running.remove(projection);
    }

    private ReadModelRebuild.Result rebuild(Jdbi jdbi) {
        ReadModelRebuild rebuild = new ReadModelRebuild(jdbi, topics, new NoticePlanner(Duration.ofSeconds(10)),
                CLOCK, TestKafka.bootstrapServers(), CONSUMER, false, Duration.ofMinutes(2));
        return rebuild.run(totals -> new ProgressBar(totals, false, 25,
                new PrintStream(progressOutput, true, StandardCharsets.UTF_8)));
    }

    private static Map<TopicPartition, Long> withoutEmpty(Map<TopicPartition, Long> positions) {
        return positions.entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<TopicPartition, Long> storedPositions(Jdbi jdbi) {
        return withoutEmpty(jdbi.withHandle(h -> h.createQuery(
                        "SELECT topic, partition, next_offset FROM consumer_offsets WHERE consumer = :c")
                .bind("c", CONSUMER)
                .map((rs, ctx) -> Map.entry(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3)))
                .list()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Every row of the given tables, all columns, in a stable order. */
    private static Map<String, List<String>> dump(Jdbi jdbi, List<String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbi.withHandle(h -> h.createQuery(
                    "SELECT to_jsonb(t)::text FROM " + table + " t ORDER BY 1").mapTo(String.class).list()));
        }
        return rows;
    }

    private static String one(Jdbi jdbi, String sql, Object arg) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(String.class).one());
    }

    @Test
    void aRebuildIntoAnEmptyDatabaseGivesTheRowsTheLiveProjectionBuilt() throws InterruptedException {
        RebuildLog log = RebuildLog.written();
        Jdbi live = TestDatabase.fresh().jdbi();
        projectLive(live);
        Map<String, List<String>> projected = dump(live, DerivedTables.TABLES);
        Jdbi empty = TestDatabase.fresh().jdbi();

        ReadModelRebuild.Result result = rebuild(empty);

        assertThat(dump(empty, DerivedTables.TABLES)).isEqualTo(projected);
        assertThat(projected.get("unit_day_status")).anySatisfy(row -> assertThat(row)
                .contains("\"unit_id\": \"" + log.unitId + "\"").contains("\"state\": \"ON_TIME\""));
        assertThat(projected.get("findings")).anySatisfy(row -> assertThat(row).contains(log.findingId));
        assertThat(projected.get("units")).noneSatisfy(row -> assertThat(row).contains("dep-" + log.unitId));
        assertThat(projected.get("form_metrics")).filteredOn(row -> row.contains(log.formId)).singleElement()
                .satisfies(row -> assertThat(row).contains("\"code\": \"vaccine_doses\"", "\"position\": 0"));
        assertThat(result.refused()).isGreaterThanOrEqualTo(1);
        assertThat(result.appliedPerTopic().get(Topics.ALERTS)).isGreaterThanOrEqualTo(3);
        assertThat(storedPositions(empty)).isEqualTo(withoutEmpty(result.positions()));
        assertThat(dump(empty, DELIVERY_TABLES).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        assertThat(progressOutput.toString(StandardCharsets.UTF_8)).contains("100%");
    }

    @Test
    void aRebuildOverADamagedReadModelRestoresItKeepsWhatPeopleWroteAndDeliversNothingAgain()
            throws InterruptedException {
        RebuildLog log = RebuildLog.written();
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        projectLive(jdbi);
        jdbi.useExtension(AlertDao.class, dao -> dao.acknowledge(log.raisedAlertId, "u-dc-07", CLOCK.instant()));
        jdbi.useExtension(FindingDao.class, dao -> dao.rectify(log.findingId, "已补齐记录", CLOCK.instant()));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO outbox (message_key, kind, recipient_id, channel, title, body, payload, state,
                                    next_attempt_at, created_at, sent_at)
                VALUES ('sent-before', 'ALERT_DIGEST', 'u-dc-07', '{"type":"inapp"}', '预警', '未签发', '{}', 'SENT',
                        now(), now(), now())"""));
        Map<String, List<String>> before = dump(jdbi, DerivedTables.TABLES);
        Map<String, List<String>> deliveryBefore = dump(jdbi, DELIVERY_TABLES);
        assertThat(deliveryBefore.get("alert_notices")).anySatisfy(row -> assertThat(row).contains(log.raisedAlertId));
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM unit_day_status WHERE unit_id = ?", log.unitId);
            h.execute("UPDATE rollups SET expected = 99");
            h.execute("DELETE FROM form_metrics WHERE form_id = ?", log.formId);
            h.execute("""
                    INSERT INTO alerts (alert_id, type, severity, jurisdiction_id, unit_id, day, message)
                    VALUES ('not-in-the-log', 'MISSING', 'WARNING', 'demo-county', 'nowhere', '2026-03-02', '?')""");
        });

        ReadModelRebuild.Result result = rebuild(jdbi);

        assertThat(dump(jdbi, DerivedTables.TABLES)).isEqualTo(before);
        assertThat(dump(jdbi, DELIVERY_TABLES)).isEqualTo(deliveryBefore);
        assertThat(one(jdbi, "SELECT acknowledged_by FROM alerts WHERE alert_id = ?", log.raisedAlertId))
                .isEqualTo("u-dc-07");
        assertThat(one(jdbi, "SELECT rectification FROM findings WHERE finding_id = ?", log.findingId))
                .isEqualTo("已补齐记录");
        assertThat(result.kept().acknowledgements()).isEqualTo(1);
        assertThat(result.kept().rectifications()).isEqualTo(1);
    }

    /** Every planned notice as alert, recipient, round and reason. */
    private static List<String> notices(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT alert_id || ' ' || recipient_id || ' ' || round || ' ' || reason FROM alert_notices
                ORDER BY 1""").mapTo(String.class).list());
    }

    @Test
    void alertsTheStoppedProjectionNeverAppliedAreNotifiedOnceByTheRebuildAndEarlierOnesNotAgain()
            throws InterruptedException {
        RebuildLog earlier = RebuildLog.written();
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        projectLive(jdbi); // every replica stopped here
        assertThat(notices(jdbi)).anySatisfy(n -> assertThat(n).startsWith(earlier.missingAlertId + " "));
        // gone, so that a notice the rebuild planned again for an alert the live projection applied would show
        jdbi.useHandle(h -> h.execute("DELETE FROM alert_notices"));
        RebuildLog later = RebuildLog.written(); // raised while no replica ran: after the stored positions

        ReadModelRebuild.Result result = rebuild(jdbi);

        // routed as the live projection routes (DESIGN.md §5): named recipients, the unit's principal, supervisors
        assertThat(notices(jdbi)).containsExactlyInAnyOrder(
                later.missingAlertId + " u-dc-07 0 INITIAL",
                later.missingAlertId + " u-tianbao-sj 0 INITIAL",
                later.raisedAlertId + " u-dc-07 0 INITIAL",
                later.raisedAlertId + " u-port-sj 0 INITIAL");
        assertThat(result.owedAlerts()).isEqualTo(2);
        assertThat(one(jdbi, "SELECT message FROM alerts WHERE alert_id = ?", later.missingAlertId)).isNotNull();
        assertThat(storedPositions(jdbi)).isEqualTo(withoutEmpty(result.positions()));

        jdbi.useHandle(h -> h.execute("DELETE FROM alert_notices"));
        ReadModelRebuild.Result again = rebuild(jdbi);

        assertThat(notices(jdbi)).isEmpty();
        assertThat(again.owedAlerts()).isZero();
    }

    @Test
    void theProjectionStartedAfterARebuildGoesOnFromTheEndOffsetsAndAppliesNothingTwice() {
        RebuildLog log = RebuildLog.written();
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        rebuild(jdbi);
        // were the log applied again, this would go back to ON_TIME and the raised alerts would be notified
        jdbi.useHandle(h -> h.execute("UPDATE unit_day_status SET state = 'LATE' WHERE unit_id = ?", log.unitId));
        String next = log.unitId + "-next";
        RecordMetadata written = TestKafka.send(topics.unitDayStatus(), Keys.ofDay(next, Fixtures.DAY),
                RebuildLog.status(next, UnitDayState.ON_TIME, Fixtures.DEADLINE));

        startLiveProjection(jdbi);

        await().atMost(Duration.ofSeconds(60)).until(() -> Long.valueOf(written.offset() + 1)
                .equals(storedPositions(jdbi).get(new TopicPartition(written.topic(), written.partition()))));
        assertThat(one(jdbi, "SELECT state FROM unit_day_status WHERE unit_id = ?", next)).isEqualTo("ON_TIME");
        assertThat(one(jdbi, "SELECT state FROM unit_day_status WHERE unit_id = ?", log.unitId)).isEqualTo("LATE");
        // an empty database has no positions: the log's alerts were notified by no one and stay so (decision 310)
        assertThat(dump(jdbi, List.of("alert_notices")).get("alert_notices")).isEmpty();
    }

    @Test
    void aLogWhoseOldestRecordsRetentionDeletedIsRefusedUnlessAllowed() {
        Map<TopicPartition, Long> starts = Map.of(new TopicPartition(Topics.REPORTS, 0), 0L,
                new TopicPartition(Topics.REPORTS, 1), 42L);

        assertThatThrownBy(() -> ReadModelRebuild.refuseTruncatedLog(starts, false))
                .isInstanceOf(ReadModelRebuild.TruncatedLog.class)
                .hasMessageContaining(Topics.REPORTS + "-1 starts at 42")
                .hasMessageContaining("--allow-truncated-log");
        ReadModelRebuild.refuseTruncatedLog(starts, true);
        ReadModelRebuild.refuseTruncatedLog(Map.of(new TopicPartition(Topics.REPORTS, 0), 0L), false);
    }
}
