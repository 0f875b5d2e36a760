package io.ribao.bench.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final Clock clock;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    /** One thread, so the consumer is only ever used by one thread at a time. */
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-stable-offsets");
        thread.setDaemon(true);
        return thread;
    });

    public StableOffsets(String bootstrapServers, String topic, Clock clock, Duration interval) {
        this.clock = clock;
        consumer = ReadCommitted.assignedTo(bootstrapServers, topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        sampler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        Map<TopicPartition, Long> ends;
        try {
            ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            return; // a sample missed widens the bound; thrown on, it would end the sampling
        }
        Map<Integer, Long> offsets = new HashMap<>();
        ends.forEach((tp, offset) -> offsets.put(tp.partition(), offset));
        samples.add(new Sample(clock.millis(), Map.copyOf(offsets)));
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
        sampler.shutdown();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        consumer.close();
    }
}
