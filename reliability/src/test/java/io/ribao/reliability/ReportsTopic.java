package io.ribao.reliability;

import static org.awaitility.Awaitility.await;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What {@code ribao.reports} holds, read from the beginning with read_committed: the ground truth of the outage tests. */
final class ReportsTopic {

    private ReportsTopic() {
    }

    /** Idempotency-Key → the reportIds of the events on ribao.reports that carry it. */
    static Map<String, List<String>> eventsByKey(String kafka, Topics topics) {
        Topic<String, ReportEvent> reports = topics.reports();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(reports.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    ReportEvent event = reports.deserializeValue(r.value());
                    if (event.getIdempotencyKey() != null) {
                        byKey.computeIfAbsent(event.getIdempotencyKey(), k -> new ArrayList<>()).add(event.getReportId());
                    }
                });
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return byKey;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
