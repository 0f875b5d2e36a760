package io.ribao.bench.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * When records became committed, as the broker says it rather than as a consumer drains them: samples the last stable
 * offset of every partition of a topic ({@code endOffsets} of a read_committed consumer) every {@code interval}, each
 * sample stamped when its answer arrived. A record at offset {@code o} is committed once its partition's last stable
 * offset is past {@code o}, so the first sample past the offsets a counter saw last is an upper bound (by one sample's
 * round trip and interval) of the moment the last of them was committed.
 */
public final class StableOffsets implements AutoCloseable {

    /** The last stable offsets of the partitions, by partition number, as answered at {@code millis}. */
    public record Sample(long millis, Map<Integer, Long> offsets) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Clock clock;
    private final Duration interval;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public StableOffsets(String bootstrapServers, String topic, Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        thread = new Thread(this::sample, "bench-stable-offsets");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        try {
            while (running.get()) {
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
                Map<Integer, Long> offsets = new HashMap<>();
                ends.forEach((tp, offset) -> offsets.put(tp.partition(), offset));
                samples.add(new Sample(clock.millis(), Map.copyOf(offsets)));
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /** Wall-clock millis of the first sample in which every given record was committed; 0 if none was yet. */
    public long committedMillis(Map<Integer, Long> lastOffsets) {
        return firstCovering(samples, lastOffsets);
    }

    /**
     * The first of the samples (in time order) whose last stable offset is past the given offset on every given
     * partition; 0 if none is.
     */
    static long firstCovering(List<Sample> samples, Map<Integer, Long> lastOffsets) {
        for (Sample sample : samples) {
            boolean covered = lastOffsets.entrySet().stream()
                    .allMatch(last -> sample.offsets().getOrDefault(last.getKey(), 0L) > last.getValue());
            if (covered) {
                return sample.millis();
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
