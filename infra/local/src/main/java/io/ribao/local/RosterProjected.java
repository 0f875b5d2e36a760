package io.ribao.local;

import io.ribao.bulletin.db.OffsetDao;
import io.ribao.bulletin.projection.Applied;
import io.ribao.bulletin.projection.ProjectionListener;
import io.ribao.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jdbi.v3.core.Jdbi;

/**
 * "Ready" includes a board that shows the roster (decision 448): report-ingest has published the roster file when it
 * has started, but bulletin-service's projection applies the roster topics on its own thread, so right after its start
 * the board of the day can still be empty. This waits until the projection's stored positions ({@code
 * consumer_offsets}, committed with the rows they produced) have passed the last committed record of every roster
 * partition as the broker has it once the roster is published. Woken by the projection after each committed batch; no
 * HTTP, no sleeping.
 */
final class RosterProjected implements ProjectionListener {

    static final List<String> ROSTER_TOPICS = List.of(Topics.ROSTER_JURISDICTIONS, Topics.ROSTER_UNITS,
            Topics.ROSTER_FORMS, Topics.ROSTER_USERS);

    private final Object batches = new Object();
    private long committed;

    @Override
    public void afterCommit(Applied applied) {
        synchronized (batches) {
            committed++;
            batches.notifyAll();
        }
    }

    /**
     * The position just past the last committed record of each partition of {@code topics} (read_committed, so
     * transaction markers and aborted records are not counted); 0 for a partition with none.
     */
    static Map<TopicPartition, Long> committedEnds(String bootstrapServers, List<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ribao-local-roster-ends");
        // a fetch at the end of a partition would otherwise wait 500 ms at the broker for records that never come
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic, left(deadline))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, left(deadline));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, left(deadline)); // the last stable offsets
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            Map<TopicPartition, Long> from = new HashMap<>();
            partitions.forEach(tp -> from.put(tp, end.get(tp)));
            // the tail of each partition, a window that grows from the end until it holds a record or is the whole log
            for (long window = 16; ends.size() < partitions.size(); window *= 4) {
                Map<TopicPartition, Long> last = new HashMap<>();
                for (TopicPartition tp : partitions) {
                    if (!ends.containsKey(tp)) {
                        from.put(tp, Math.max(begin.get(tp), end.get(tp) - window));
                        consumer.seek(tp, from.get(tp));
                    }
                }
                while (partitions.stream().anyMatch(tp -> !ends.containsKey(tp)
                        && consumer.position(tp, left(deadline)) < end.get(tp))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read the roster topics up to " + end + " within "
                                + timeout.toSeconds() + " s");
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() < end.get(tp)) {
                            last.merge(tp, record.offset(), Math::max);
                        }
                    }
                }
                for (TopicPartition tp : partitions) {
                    if (ends.containsKey(tp)) {
                        continue;
                    }
                    if (last.containsKey(tp)) {
                        ends.put(tp, last.get(tp) + 1);
                    } else if (from.get(tp).equals(begin.get(tp))) {
                        ends.put(tp, 0L); // no committed record at all
                    }
                }
            }
            Map<TopicPartition, Long> ordered = new LinkedHashMap<>();
            partitions.forEach(tp -> ordered.put(tp, ends.get(tp)));
            return ordered;
        }
    }

    /**
     * Waits until the positions {@code consumer} has stored in bulletin-service's database reach {@code ends};
     * throws, naming the partitions behind, when {@code timeout} passes first.
     */
    void await(Jdbi jdbi, String consumer, Map<TopicPartition, Long> ends, Duration timeout) {
        await(() -> behind(jdbi, consumer, ends), timeout);
    }

    /** Waits until {@code behind} is empty, looking again after every committed batch; bounded by {@code timeout}. */
    void await(Supplier<Map<TopicPartition, String>> behind, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (batches) {
                seen = committed;
            }
            Map<TopicPartition, String> lagging = behind.get();
            if (lagging.isEmpty()) {
                return;
            }
            long leftMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (leftMs <= 0) {
                throw new IllegalStateException("bulletin-service has not applied the roster within "
                        + timeout.toSeconds() + " s; behind (stored/wanted position): " + lagging);
            }
            synchronized (batches) {
                if (committed == seen) {
                    try {
                        // a committed batch wakes it; the bound makes it look again even if none comes
                        batches.wait(Math.min(leftMs, 1000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the roster on the board", e);
                    }
                }
            }
        }
    }

    /** The partitions whose stored position is short of the wanted one, as "stored/wanted". */
    private static Map<TopicPartition, String> behind(Jdbi jdbi, String consumer, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> stored = jdbi.withExtension(OffsetDao.class, dao -> dao.positions(consumer))
                .stream().collect(Collectors.toMap(p -> new TopicPartition(p.topic(), p.partition()),
                        OffsetDao.Position::nextOffset));
        Map<TopicPartition, String> lagging = new LinkedHashMap<>();
        ends.forEach((tp, end) -> {
            long at = stored.getOrDefault(tp, 0L);
            if (at < end) {
                lagging.put(tp, at + "/" + end);
            }
        });
        return lagging;
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
