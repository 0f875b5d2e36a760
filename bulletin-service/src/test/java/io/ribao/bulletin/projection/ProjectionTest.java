package io.ribao.bulletin.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestKafka;
import io.ribao.bulletin.board.BoardEvents;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.db.ReadModelDao;
import io.ribao.bulletin.db.ReadModelRows;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.kit.roster.RosterView;
import io.ribao.registry.SchemaRegistries;
import io.ribao.registry.SchemaRegistry;
import io.ribao.registry.SchemaRegistryException;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Keys;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    private static final Clock CLOCK = Clock.fixed(Fixtures.DEADLINE, ZoneOffset.UTC);

    private final Topics topics = TestKafka.topics();
    private final List<Projection> running = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Projection p : running) {
            p.stop();
        }
    }

    private Projection start(Jdbi jdbi, String consumerName, DeadLetters sink) {
        Projection p = new Projection(jdbi, new RecordApplier(topics, RaisedAlerts.NONE), sink, CLOCK,
                TestKafka.bootstrapServers(), consumerName);
        p.start();
        running.add(p);
        return p;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UnitDayStatus statusOf(String unitId, UnitDayState state) {
        return UnitDayStatus.newBuilder(Fixtures.status("twn-tianbao", state, Fixtures.DEADLINE)).setUnitId(unitId)
                .build();
    }

    private static long count(Jdbi jdbi, String sql, Object arg) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(Long.class).one());
    }

    @Test
    void recordsAppliedTwiceLeaveTheSameRowsAndThePositionsAreStoredWithThem() {
        String unitId = unique("twn");
        TestKafka.send(topics.units(), unitId, Fixtures.unit(unitId, "天保镇", UnitKind.TOWNSHIP, "county",
                "u-tianbao-sj", List.of("u-dc-07")));
        UnitDayStatus status = statusOf(unitId, UnitDayState.ON_TIME);
        TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY), status);
        RecordMetadata last = TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY), status);
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        List<Applied> committed = new CopyOnWriteArrayList<>();

        start(jdbi, "projection-a", (k, d) -> deadLetters.add(d)).addListener(committed::add);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbi,
                "SELECT coalesce(max(next_offset), -1) FROM consumer_offsets WHERE topic = 'ribao.unit-day-status' AND partition = ?",
                last.partition()) == last.offset() + 1);
        assertThat(count(jdbi, "SELECT count(*) FROM unit_day_status WHERE unit_id = ?", unitId)).isEqualTo(1);
        assertThat(count(jdbi, "SELECT count(*) FROM units WHERE unit_id = ?", unitId)).isEqualTo(1);
        assertThat(committed).flatMap(Applied::statuses).extracting(UnitDayStatus::getUnitId).contains(unitId);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void aRestartedProjectionResumesFromTheStoredPositionsAndSkipsWhatWasApplied() throws InterruptedException {
        String unitId = unique("cp");
        RecordMetadata first = TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY),
                statusOf(unitId, UnitDayState.MISSING));
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        Projection before = start(jdbi, "projection-b", (k, d) -> deadLetters.add(d));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbi,
                "SELECT count(*) FROM unit_day_status WHERE unit_id = ?", unitId) == 1);
        before.stop();
        // Were the first record applied again after the restart, the MISSING would overwrite the LATE below.
        jdbi.useHandle(h -> h.execute("UPDATE unit_day_status SET state = 'LATE' WHERE unit_id = ?", unitId));

        RecordMetadata second = TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId + "-2", Fixtures.DAY),
                statusOf(unitId + "-2", UnitDayState.ON_TIME));
        start(jdbi, "projection-b", (k, d) -> deadLetters.add(d));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbi,
                "SELECT count(*) FROM unit_day_status WHERE unit_id = ?", unitId + "-2") == 1);
        String state = jdbi.withHandle(h -> h.createQuery("SELECT state FROM unit_day_status WHERE unit_id = ?")
                .bind(0, unitId).mapTo(String.class).one());
        assertThat(state).isEqualTo("LATE");
        assertThat(first.offset()).isGreaterThanOrEqualTo(0);
        assertThat(second.offset()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void recordsBelowAPositionAnotherReplicaStoredAreNotAppliedAgain() {
        String unitId = unique("dep");
        RecordMetadata skipped = TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY),
                statusOf(unitId, UnitDayState.ON_TIME));
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO consumer_offsets (consumer, topic, partition, next_offset)
                VALUES ('projection-c', 'ribao.unit-day-status', ?, ?)""",
                skipped.partition(), skipped.offset() + 1));
        RecordMetadata applied = TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY),
                statusOf(unitId, UnitDayState.LATE));

        start(jdbi, "projection-c", (k, d) -> deadLetters.add(d));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbi,
                "SELECT count(*) FROM unit_day_status WHERE unit_id = ?", unitId) == 1);
        String state = jdbi.withHandle(h -> h.createQuery("SELECT state FROM unit_day_status WHERE unit_id = ?")
                .bind(0, unitId).mapTo(String.class).one());
        assertThat(state).isEqualTo("LATE");
        assertThat(applied.partition()).isEqualTo(skipped.partition());
    }

    @Test
    void theLiveBoardOfAReplicaShowsWhatAnotherReplicaAppliedAndOnlyWhatItAppliedIsActedOn() throws Exception {
        // given a replica projecting the topic, with a dashboard open on it
        String unitId = unique("board");
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        jdbi.useExtension(ReadModelDao.class, dao ->
                dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(Fixtures.jurisdiction())));
        BoardEvents board = new BoardEvents(new Zones(
                RosterView.fixed(List.of(Fixtures.jurisdiction()), List.of(), List.of(), List.of())));
        BoardEvents.Subscription dashboard = board.subscribe((jurisdictionId, changed) -> unitId.equals(changed));
        List<UnitDayState> actedOn = new CopyOnWriteArrayList<>();
        Projection projection = new Projection(jdbi, new RecordApplier(topics, RaisedAlerts.NONE),
                (k, d) -> deadLetters.add(d), CLOCK, TestKafka.bootstrapServers(), "projection-e")
                .addListener(board)
                .addListener(applied -> applied.statuses().stream().filter(s -> s.getUnitId().equals(unitId))
                        .forEach(s -> actedOn.add(s.getState())));
        projection.start();
        running.add(projection);
        RecordMetadata opened = TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY),
                statusOf(unitId, UnitDayState.EXPECTED));
        await().atMost(Duration.ofSeconds(30)).until(() -> actedOn.contains(UnitDayState.EXPECTED));

        // when another replica applies the next status of the partition (holding its position row meanwhile)
        jdbi.useTransaction(other -> {
            other.createQuery("""
                    SELECT next_offset FROM consumer_offsets
                    WHERE consumer = 'projection-e' AND topic = 'ribao.unit-day-status' AND partition = ? FOR UPDATE""")
                    .bind(0, opened.partition()).mapTo(Long.class).one();
            RecordMetadata missing = TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY),
                    statusOf(unitId, UnitDayState.MISSING));
            other.execute("""
                    UPDATE consumer_offsets SET next_offset = ?
                    WHERE consumer = 'projection-e' AND topic = 'ribao.unit-day-status' AND partition = ?""",
                    missing.offset() + 1, missing.partition());
        });
        // and then this replica gets the one after it
        TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY), statusOf(unitId, UnitDayState.LATE));

        // then the dashboard shows every change in order, while only what this replica applied is acted on
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shown.add(dashboard.queue().poll(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertThat(shown).satisfiesExactly(
                e -> assertThat(e).contains("\"status\":\"EXPECTED\""),
                e -> assertThat(e).contains("\"status\":\"MISSING\""),
                e -> assertThat(e).contains("\"status\":\"LATE\"")
                        // told in the jurisdiction's wall-clock time, as the status endpoint tells it
                        .contains("\"signedAt\":\"2026-03-02T16:25:00+08:00\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> actedOn.size() == 2);
        assertThat(actedOn).containsExactly(UnitDayState.EXPECTED, UnitDayState.LATE);
    }

    @Test
    void anAlertInTheSameBatchAsItsUnitsFirstRecordReachesTheUnitsPrincipalAndSupervisors() {
        // given a batch that brings a unit and an alert of it together (a first start, a rebuilt read model):
        // ribao.alerts sorts before ribao.roster.units by name
        String unitId = unique("cp");
        var unit = Fixtures.unit(unitId, "联检卡点", UnitKind.CHECKPOINT, "twn-tianbao", "u-port-sj",
                List.of("u-dc-07"));
        var alert = Fixtures.alert(AlertType.MISSING, unitId, AlertState.RAISED, Fixtures.DEADLINE, List.of());
        TopicPartition alerts = new TopicPartition(Topics.ALERTS, 0);
        TopicPartition units = new TopicPartition(Topics.ROSTER_UNITS, 0);
        var batch = new org.apache.kafka.clients.consumer.ConsumerRecords<>(Map.of(
                alerts, List.of(new ConsumerRecord<>(Topics.ALERTS, 0, 0L,
                        alert.getAlertId().getBytes(StandardCharsets.UTF_8), topics.alerts().serializeValue(alert))),
                units, List.of(new ConsumerRecord<>(Topics.ROSTER_UNITS, 0, 0L,
                        unitId.getBytes(StandardCharsets.UTF_8), topics.units().serializeValue(unit)))), Map.of());
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        Projection projection = new Projection(jdbi, new RecordApplier(topics,
                new io.ribao.bulletin.delivery.NoticePlanner(Duration.ofSeconds(10))), (k, d) -> deadLetters.add(d),
                CLOCK, TestKafka.bootstrapServers(), unique("projection"));

        // when it is applied
        projection.applyBatch(batch);

        // then the alert's notices go to the unit's principal and supervisor, read from the same batch
        List<String> recipients = jdbi.withHandle(h -> h.createQuery(
                        "SELECT recipient_id FROM alert_notices WHERE alert_id = :id ORDER BY recipient_id")
                .bind("id", alert.getAlertId()).mapTo(String.class).list());
        assertThat(recipients).contains("u-port-sj", "u-dc-07");
    }

    @Test
    void aPoisonRecordBecomesADeadLetterAndTheProjectionGoesOn() {
        String unitId = unique("poison");
        String key = Keys.ofDay(unitId, Fixtures.DAY);
        RecordMetadata poison = TestKafka.sendBytes(Topics.ALERTS, key,
                "not avro".getBytes(StandardCharsets.UTF_8));
        var alert = Fixtures.alert(AlertType.MISSING, unitId, AlertState.RAISED, Fixtures.DEADLINE,
                List.of("u-port-sj"));
        TestKafka.send(topics.alerts(), key, alert);
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        KafkaDeadLetters kafkaDeadLetters = new KafkaDeadLetters(topics.deadLetters("bulletin-service"),
                TestKafka.bootstrapServers());

        start(jdbi, "projection-d", kafkaDeadLetters);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbi,
                "SELECT count(*) FROM alerts WHERE unit_id = ?", unitId) == 1);
        DeadLetter letter = readDeadLetter(key);
        assertThat(letter.getTopic()).isEqualTo(Topics.ALERTS);
        assertThat(letter.getPartition()).isEqualTo(poison.partition());
        assertThat(letter.getOffset()).isEqualTo(poison.offset());
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("not avro");
        assertThat(letter.getCause()).contains("ribao.alerts");
        kafkaDeadLetters.close();
    }

    @Test
    void recordsReadWhileTheRegistryIsUnreachableAreAppliedNotDeadLettered() {
        String unitId = unique("registry-away");
        TestKafka.send(topics.unitDayStatus(), Keys.ofDay(unitId, Fixtures.DAY), statusOf(unitId, UnitDayState.LATE));
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        AtomicInteger lookUps = new AtomicInteger();
        SchemaRegistry shared = SchemaRegistries.forUrl(TestKafka.REGISTRY_URL);
        SchemaRegistry unreachableAtFirst = new SchemaRegistry() {
            @Override
            public int register(String subject, Schema schema) {
                return shared.register(subject, schema);
            }

            @Override
            public Schema schemaById(int id) {
                if (lookUps.incrementAndGet() <= 2) {
                    throw new SchemaRegistryException(503, 50003, "schema registry unreachable");
                }
                return shared.schemaById(id);
            }
        };
        Projection projection = new Projection(jdbi, new RecordApplier(new Topics(unreachableAtFirst),
                RaisedAlerts.NONE), (k, d) -> deadLetters.add(d), CLOCK, TestKafka.bootstrapServers(),
                unique("projection-registry"));
        projection.start();
        running.add(projection);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbi,
                "SELECT count(*) FROM unit_day_status WHERE unit_id = ?", unitId) == 1);
        assertThat(lookUps.get()).as("the registry refused twice before it answered").isGreaterThan(2);
        // the batch was read again: nothing set aside for the registry's absence (a poison record other tests wrote
        // may be dead-lettered, for its own bytes)
        assertThat(deadLetters).extracting(DeadLetter::getCause).noneMatch(c -> c.contains("unreachable"));
    }

    private DeadLetter readDeadLetter(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        String topic = Topics.deadLetterTopic("bulletin-service");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            List<DeadLetter> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(topics.deadLetters("bulletin-service").deserializeValue(r.value()));
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

}
