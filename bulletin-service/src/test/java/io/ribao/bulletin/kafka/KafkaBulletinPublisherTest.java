package io.ribao.bulletin.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.bulletin.TestKafka;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.schemas.bulletin.BulletinState;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The publisher against a real broker, and against none: acknowledged, or refused within its bound. */
class KafkaBulletinPublisherTest {

    private final Topics topics = TestKafka.topics();

    @Test
    void anEventIsOnTheTopicOnceTheBrokerHasIt() {
        String id = "demo-county-2026-03-14-v" + UUID.randomUUID();
        try (KafkaBulletinPublisher publisher = new KafkaBulletinPublisher(topics.bulletins(),
                TestKafka.bootstrapServers())) {
            publisher.publish(event(id));
        }

        assertThat(onTopic(id)).singleElement().satisfies(e -> {
            assertThat(e.getState()).isEqualTo(BulletinState.RELEASED);
            assertThat(e.getContentJson()).isEqualTo("{}");
        });
    }

    @Test
    void withNoBrokerThePublishFailsWithinItsBoundInsteadOfHoldingTheRelease() throws IOException {
        String nobody = "127.0.0.1:" + portNobodyListensOn();
        try (KafkaBulletinPublisher publisher = new KafkaBulletinPublisher(topics.bulletins(), nobody)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> publisher.publish(event("demo-county-2026-03-14-v9")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ribao.bulletins");

            // the bound is 5 s; without it the producer waited a minute for metadata
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(KafkaBulletinPublisher.WITHIN.plusSeconds(5));
        }
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static BulletinEvent event(String id) {
        return BulletinEvent.newBuilder()
                .setBulletinId(id)
                .setJurisdictionId("demo-county")
                .setDate(LocalDate.of(2026, 3, 14))
                .setVersion(1)
                .setIssueNo(7)
                .setState(BulletinState.RELEASED)
                .setContentSha256("0".repeat(64))
                .setContentJson("{}")
                .setBy("u-director")
                .setAt(Instant.parse("2026-03-14T10:30:00Z"))
                .build();
    }

    private List<BulletinEvent> onTopic(String bulletinId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<BulletinEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.bulletins().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key().equals(bulletinId)) {
                        found.add(topics.bulletins().deserializeValue(r.value()));
                    }
                }
            }
        }
        return found;
    }
}
