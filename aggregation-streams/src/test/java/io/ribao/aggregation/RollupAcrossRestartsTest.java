package io.ribao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a real broker: a unit-day's share travels at its task's punctuation (decision 279) and a node's totals are stored
 * when the roll-up's punctuation emits them (decision 272), so changes committed by an app that stops before either
 * must reach the county after the restart — its roll-up then counts them, never the totals it last emitted. (The
 * roll-up side's rebuild alone: {@code RollupAndQualityTopologyTest}.) Likewise a status that waited for the
 * punctuation (a unit-day's second change in one interval, decision 281).
 */
class RollupAcrossRestartsTest {

    /** Kafka Streams punctuates on the wall clock, so this test lives on it. */
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String APP = "ribao-aggregation-rollup-restart";
    private static final Duration NEVER = Duration.ofHours(1);
    private static final Duration OFTEN = Duration.ofMillis(200);

    @RegisterExtension
    static final RealBroker kafka = new RealBroker();

    @Test
    void changesAppliedButNotYetEmittedWhenTheAppStopsReachTheCountyAfterTheRestart() throws Exception {
        String registryUrl = "mem://it-" + UUID.randomUUID();
        Topics topics = new Topics(SchemaRegistries.forUrl(registryUrl));
        Jurisdiction county = RosterFixtures.jurisdiction().build();
        LocalDate today = LocalDate.now(CLOCK.withZone(ZoneId.of(county.getTimezone())));
        kafka.publish(topics.jurisdictions(), county.getId(), county);
        for (Unit unit : List.of(RosterFixtures.unit("twn-a").build(), checkpoint("chk-1"), checkpoint("chk-2"))) {
            kafka.publish(topics.units(), unit.getId(), unit);
        }
        AggregationSettings settings = AggregationSettings.of(kafka.bootstrapServers(), registryUrl,
                kafka.dir().resolve("state")).withApplicationId(APP).withReportPartitions(2);

        // given the county's totals emitted (and stored) with one checkpoint's figure
        try (AggregationApp app = AggregationApp.start(settings.withPunctuationInterval(OFTEN))) {
            kafka.publish(topics.reports(), "chk-1", signed("chk-1", today, 1, 3L));
            awaitCountyTotal(topics, today, 3L);
        }
        // and two more changes committed by an app that never reaches its next punctuation
        try (AggregationApp app = AggregationApp.start(settings.withPunctuationInterval(NEVER))) {
            kafka.publish(topics.reports(), "chk-2", signed("chk-2", today, 1, 4L));
            kafka.publish(topics.reports(), "chk-1", signed("chk-1", today, 2, 5L));
            kafka.publish(topics.reports(), "chk-1", signed("chk-1", today, 3, 5L));
            // the first statuses are committed; the third revision's status and the shares wait for a punctuation that
            // never comes
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, UnitDayStatus> statuses = latest(topics.unitDayStatus());
                UnitDayStatus first = statuses.get("chk-1/" + today);
                UnitDayStatus second = statuses.get("chk-2/" + today);
                return first != null && first.getSignedRevision() == 2 && second != null
                        && second.getSignedRevision() == 1;
            });
            awaitCommitted(Topics.REPORTS);
            awaitCommitted(APP + "-rollup-contributions-repartition");
        }
        assertThat(latestRollups(topics).get("demo-county/" + today).getMetrics())
                .as("nothing emitted meanwhile").containsEntry("persons_isolated", 3L);
        assertThat(latest(topics.unitDayStatus()).get("chk-1/" + today).getSignedRevision())
                .as("the second change's status waits").isEqualTo(2);

        // when the app starts again, then the county counts both changes
        try (AggregationApp app = AggregationApp.start(settings.withPunctuationInterval(OFTEN))) {
            awaitCountyTotal(topics, today, 9L);
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> latest(topics.unitDayStatus()).get("chk-1/" + today).getSignedRevision() == 3);
        }
        assertThat(latestRollups(topics).get("twn-a/" + today).getMetrics()).containsEntry("persons_isolated", 9L);
    }

    private static Unit checkpoint(String id) {
        return RosterFixtures.unit(id).setKind(UnitKind.CHECKPOINT).setParentId("twn-a")
                .setAncestorIds(List.of(RosterFixtures.COUNTY, "twn-a")).build();
    }

    private static ReportEvent signed(String unitId, LocalDate date, int revision, long isolated) {
        Instant now = CLOCK.instant();
        return RosterFixtures.report(unitId, date, revision, now, now, Map.of("persons_isolated", isolated));
    }

    private static void awaitCountyTotal(Topics topics, LocalDate today, long total) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Rollup county = latestRollups(topics).get("demo-county/" + today);
            assertThat(county).isNotNull();
            assertThat(county.getMetrics()).containsEntry("persons_isolated", total);
        });
    }

    /** The app has read and committed every record of the topic. */
    private static void awaitCommitted(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                        .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                        .collect(Collectors.toSet());
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APP)
                        .partitionsToOffsetAndMetadata().get();
                for (TopicPartition partition : partitions) {
                    long end = ends.get(partition).offset();
                    OffsetAndMetadata done = committed.get(partition);
                    if (end > 0 && (done == null || done.offset() < end)) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    private static Map<String, Rollup> latestRollups(Topics topics) {
        return latest(topics.rollups());
    }

    /** The latest committed value of every key of the topic. */
    private static <V> Map<String, V> latest(Topic<String, V> topic) {
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.name()));
            int quiet = 0;
            while (quiet < 3) {
                var records = consumer.poll(Duration.ofMillis(300));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                records.forEach(r -> latest.put(r.key(), topic.deserializeValue(r.value())));
            }
        }
        return latest;
    }

}
