package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision 448: where the roster topics end for the projection, and the bounded wait for it to get there. */
class RosterProjectedTest {

    @TempDir
    Path dir;

    /**
     * A transaction ends with a commit marker that takes an offset: the topic's end offset is one past it, while the
     * projection stores the offset after the last record it applied. Aborted records do not count either.
     */
    @Test
    void theEndIsJustPastTheLastCommittedRecordNotPastTheMarkers() {
        try (EmbeddedKafkaCluster broker = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start()) {
            String kafka = broker.bootstrapServers();
            TopicAdmin.createMissing(kafka, List.of(new TopicSpec("t.roster", true)), 2, (short) 1);
            try (KafkaProducer<byte[], byte[]> producer = transactional(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>("t.roster", 0, bytes("k" + i), bytes("v" + i)));
                }
                producer.commitTransaction(); // offsets 0-2 records, 3 the marker
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t.roster", 0, bytes("k9"), bytes("aborted")));
                producer.abortTransaction(); // offset 4 an aborted record, 5 its marker
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t.roster", 1, bytes("k0"), bytes("v0")));
                producer.commitTransaction(); // partition 1: offset 0 the record, 1 the marker
                for (int i = 0; i < 12; i++) { // then 24 offsets of aborted records and markers: a wider look back
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>("t.roster", 1, bytes("k0"), bytes("aborted")));
                    producer.abortTransaction();
                }
            }
            TopicAdmin.createMissing(kafka, List.of(new TopicSpec("t.empty", true)), 1, (short) 1);

            Map<TopicPartition, Long> ends = RosterProjected.committedEnds(kafka, List.of("t.roster", "t.empty"),
                    Duration.ofSeconds(30));

            assertThat(ends).containsExactlyInAnyOrderEntriesOf(Map.of(
                    new TopicPartition("t.roster", 0), 3L,
                    new TopicPartition("t.roster", 1), 1L,
                    new TopicPartition("t.empty", 0), 0L));
        }
    }

    @Test
    void theWaitEndsWhenACommittedBatchBringsThePositionsThere() throws Exception {
        RosterProjected projected = new RosterProjected();
        AtomicInteger batches = new AtomicInteger();
        TopicPartition units = new TopicPartition("ribao.roster.units", 0);

        CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> projected.await(
                () -> batches.get() < 2 ? Map.of(units, batches.get() + "/2") : Map.of(), Duration.ofSeconds(60)));
        for (int i = 0; i < 2; i++) {
            batches.incrementAndGet();
            projected.afterCommit(null);
        }

        waited.get(60, TimeUnit.SECONDS);
        assertThat(waited).isCompleted();
    }

    @Test
    void aProjectionThatNeverGetsThereFailsTheStartNamingWhatIsBehind() {
        RosterProjected projected = new RosterProjected();
        TopicPartition units = new TopicPartition("ribao.roster.units", 1);

        assertThatThrownBy(() -> projected.await(() -> Map.of(units, "0/57"), Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bulletin-service has not applied the roster")
                .hasMessageContaining("ribao.roster.units-1=0/57");
    }

    private static KafkaProducer<byte[], byte[]> transactional(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "roster-projected-test");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
