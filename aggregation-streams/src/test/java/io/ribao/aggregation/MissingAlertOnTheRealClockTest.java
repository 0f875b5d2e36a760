package io.ribao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a real broker and the real wall clock: a unit that does not report gets exactly one MISSING alert at a deadline a
 * few seconds ahead, although the app is stopped before the deadline and restarted after it (and restarted again).
 */
class MissingAlertOnTheRealClockTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    @RegisterExtension
    static final RealBroker kafka = new RealBroker();

    @Test
    void unitThatDoesNotReportGetsExactlyOneMissingAlertAcrossRestarts() throws Exception {
        String registryUrl = "mem://it-" + UUID.randomUUID();
        Topics topics = new Topics(SchemaRegistries.forUrl(registryUrl));
        // A fixed offset that puts the local time near midday, so the deadlines never cross midnight.
        Instant now = CLOCK.instant();
        ZoneOffset offset = ZoneOffset.ofHours(12 - now.atOffset(ZoneOffset.UTC).getHour());
        LocalTime local = now.atOffset(offset).toLocalTime();
        LocalTime submission = local.plusSeconds(20);
        Instant submissionInstant = now.plusSeconds(20);
        Jurisdiction county = RosterFixtures.jurisdiction()
                .setTimezone(offset.getId())
                .setReminder(HH_MM_SS.format(submission.minusSeconds(1)))
                .setSubmission(HH_MM_SS.format(submission))
                .setBulletin(HH_MM_SS.format(submission.plusSeconds(6)))
                .build();
        Unit unit = RosterFixtures.unit("twn-silent").build();
        kafka.publish(topics.jurisdictions(), county.getId(), county);
        kafka.publish(topics.units(), unit.getId(), unit);

        AggregationSettings settings = AggregationSettings.of(kafka.bootstrapServers(), registryUrl,
                        kafka.dir().resolve("state"))
                .withApplicationId("ribao-aggregation-it")
                .withPunctuationInterval(Duration.ofMillis(200));
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            consumer.subscribe(List.of(Topics.UNIT_DAY_STATUS, Topics.ALERTS, Topics.DAY_CLOSED));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

            try (AggregationApp app = AggregationApp.start(settings)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    poll(consumer, seen);
                    return statuses(topics, seen).stream().anyMatch(s -> s.getState() == UnitDayState.EXPECTED);
                });
                assertThat(app.state()).isNotEqualTo(KafkaStreams.State.ERROR);
                assertThat(CLOCK.instant()).isBefore(submissionInstant);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> CLOCK.instant().isAfter(submissionInstant.plusSeconds(1)));

            try (AggregationApp app = AggregationApp.start(settings)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    poll(consumer, seen);
                    return alerts(topics, seen).stream().anyMatch(a -> a.getType() == AlertType.MISSING);
                });
            }
            try (AggregationApp app = AggregationApp.start(settings)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    poll(consumer, seen);
                    return alerts(topics, seen).stream().anyMatch(a -> a.getType() == AlertType.STILL_MISSING)
                            && seen.stream().anyMatch(r -> r.topic().equals(Topics.DAY_CLOSED));
                });
            }

            assertThat(alerts(topics, seen)).filteredOn(a -> a.getType() == AlertType.MISSING)
                    .singleElement()
                    .satisfies(a -> assertThat(a.getAlertId()).startsWith("MISSING:twn-silent:"));
            assertThat(alerts(topics, seen)).filteredOn(a -> a.getType() == AlertType.STILL_MISSING).hasSize(1);
            List<DayClosed> closed = seen.stream().filter(r -> r.topic().equals(Topics.DAY_CLOSED))
                    .map(r -> topics.dayClosed().deserializeValue(r.value())).toList();
            assertThat(closed).singleElement().satisfies(day -> {
                assertThat(day.getUnits()).extracting(UnitDayStatus::getUnitId).containsExactly("twn-silent");
                assertThat(day.getUnits().get(0).getState()).isEqualTo(UnitDayState.MISSING);
            });
        }
    }

    private static List<UnitDayStatus> statuses(Topics topics, List<ConsumerRecord<String, byte[]>> seen) {
        return seen.stream().filter(r -> r.topic().equals(Topics.UNIT_DAY_STATUS))
                .map(r -> topics.unitDayStatus().deserializeValue(r.value())).toList();
    }

    private static List<AlertEvent> alerts(Topics topics, List<ConsumerRecord<String, byte[]>> seen) {
        return seen.stream().filter(r -> r.topic().equals(Topics.ALERTS))
                .map(r -> topics.alerts().deserializeValue(r.value())).toList();
    }

    private static void poll(KafkaConsumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> seen) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }


    private static KafkaConsumer<String, byte[]> committedReader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }
}
