package io.ribao.bench.kafka;

import io.ribao.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts committed alerts by type as they become visible (read_committed), from the key alone
 * ({@code TYPE:unitId:date[:rule]}, so no Avro decoding competes with the app for the CPU), and remembers the wall
 * clock at which each type's count first and last grew, and the offset of its last alert on each partition. Another labelling of the keys (a type per group of units)
 * may be given instead of the type.
 */
public final class AlertCounter implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Clock clock;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> firstSeenMillis = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastSeenMillis = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Long>> lastOffsets = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Function<String, String> label;
    private final Thread thread;

    public AlertCounter(String bootstrapServers, Clock clock) {
        this(bootstrapServers, clock, AlertCounter::typeOf);
    }

    /** Counts by {@code label.apply(key)} instead of the type. */
    public AlertCounter(String bootstrapServers, Clock clock, Function<String, String> label) {
        this.clock = clock;
        this.label = label;
        consumer = ReadCommitted.assignedTo(bootstrapServers, Topics.ALERTS, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.seekToBeginning(consumer.assignment());
        thread = new Thread(this::follow, "bench-alert-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                String type = record.key() == null ? "?" : label.apply(record.key());
                counts.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
                long now = clock.millis();
                firstSeenMillis.computeIfAbsent(type, t -> new AtomicLong(now));
                lastSeenMillis.computeIfAbsent(type, t -> new AtomicLong()).set(now);
                lastOffsets.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                        .merge(record.partition(), record.offset(), Math::max);
            }
        }
        consumer.close();
    }

    /** The type of an alert key {@code TYPE:unitId:…}, or "?". */
    public static String typeOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? "?" : key.substring(0, colon);
    }

    /** The unit id of an alert key {@code TYPE:unitId:…}, or "". */
    public static String unitOf(String key) {
        int colon = key.indexOf(':');
        int next = colon < 0 ? -1 : key.indexOf(':', colon + 1);
        return next < 0 ? "" : key.substring(colon + 1, next);
    }

    public long count(String type) {
        AtomicLong count = counts.get(type);
        return count == null ? 0 : count.get();
    }

    /** Wall-clock millis when the first alert of this type was seen; 0 if none. */
    public long firstSeenMillis(String type) {
        AtomicLong at = firstSeenMillis.get(type);
        return at == null ? 0 : at.get();
    }

    /** Wall-clock millis when the last alert of this type was seen; 0 if none. */
    public long lastSeenMillis(String type) {
        AtomicLong at = lastSeenMillis.get(type);
        return at == null ? 0 : at.get();
    }

    /** The offset of the last alert of this type seen, by partition of the alerts topic (for {@link StableOffsets}). */
    public Map<Integer, Long> lastOffsets(String type) {
        return Map.copyOf(lastOffsets.getOrDefault(type, Map.of()));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
