package io.ribao.reliability;

import static org.awaitility.Awaitility.await;

import io.ribao.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What a topic holds now: every committed value, or the latest value of each key. */
public final class TopicContents {

    private TopicContents() {
    }

    public static <V> List<V> values(String kafka, Topic<String, V> topic) {
        List<V> values = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(kafka, topic.name())) {
            if (r.value() != null) {
                values.add(topic.deserializeValue(r.value()));
            }
        }
        return values;
    }

    public static <V> Map<String, V> latest(String kafka, Topic<String, V> topic) {
        Map<String, V> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(kafka, topic.name())) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, topic.deserializeValue(r.value()));
            }
        }
        return latest;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String kafka, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return records;
    }
}
