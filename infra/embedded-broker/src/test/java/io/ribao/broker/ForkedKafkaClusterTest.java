package io.ribao.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three nodes in three JVMs: one is SIGKILLed, writes go on (RF 3, min ISR 2), and it comes back into the ISR. */
class ForkedKafkaClusterTest {

    @TempDir
    Path dir;

    @Test
    void aKilledNodeRestartsOnItsDataAndRejoinsTheIsrWhileWritesGoOn() throws Exception {
        try (ForkedKafkaCluster kafka = ForkedKafkaCluster.nodes(dir, 3, Map.of("min.insync.replicas", "2")).start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                     kafka.bootstrapServers(), "acks", "all", "delivery.timeout.ms", "60000", "request.timeout.ms", "10000"),
                     new StringSerializer(), new StringSerializer())) {
            // given a topic replicated on all three nodes and a first record
            admin.createTopics(List.of(new NewTopic("t", 1, (short) 3))).all().get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("t", "k", "before")).get(60, TimeUnit.SECONDS);

            // when a node is killed, a record is written, and the node is started again
            kafka.killNode(1);
            producer.send(new ProducerRecord<>("t", "k", "during")).get(60, TimeUnit.SECONDS);
            kafka.startNode(1);

            // then the node is back in the ISR and both records are there, once each
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                TopicDescription t = admin.describeTopics(List.of("t")).allTopicNames().get(30, TimeUnit.SECONDS).get("t");
                assertThat(t.partitions().get(0).isr()).hasSize(3);
            });
            assertThat(kafka.isRunning(1)).isTrue();
            assertThat(readAll(kafka.bootstrapServers())).containsExactly("before", "during");
        }
    }

    private static List<String> readAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition("t", 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
                return consumer.position(tp) >= end;
            });
        }
        return values;
    }
}
