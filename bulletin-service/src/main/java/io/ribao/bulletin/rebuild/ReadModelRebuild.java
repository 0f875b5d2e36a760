package io.ribao.bulletin.rebuild;

import io.ribao.bulletin.db.OffsetDao;
import io.ribao.bulletin.projection.Applied;
import io.ribao.bulletin.projection.Failures;
import io.ribao.bulletin.projection.RecordApplier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the read models from the topics in ONE transaction: locks the derived tables against writers, keeps what
 * people wrote in them, empties them, applies every record from the start of each partition up to the end offset
 * taken at the start (through the projection's own {@link RecordApplier}), puts back what people wrote, and stores
 * those end offsets as the projection's positions. Readers see the old rows until the commit, then the new ones.
 * No alert notice is planned and no projection listener is told anything: nothing is delivered again.
 */
public final class ReadModelRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final Jdbi jdbi;
    private final RecordApplier applier;
    private final Clock clock;
    private final String consumerName;
    private final boolean allowTruncatedLog;
    private final Duration stallTimeout;
    private final Properties consumerProps = new Properties();

    /** What the rebuild did. */
    public record Result(Map<String, Long> appliedPerTopic, long refused, Map<TopicPartition, Long> positions,
                         DerivedTables.Kept kept) {

        public long applied() {
            return appliedPerTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The log no longer starts at offset 0 (retention deleted records): their rows would be lost. */
    public static final class TruncatedLog extends IllegalStateException {
        public TruncatedLog(String message) {
            super(message);
        }
    }

    /**
     * @param applier           the projection's applier, built with {@code RaisedAlerts.NONE}: a rebuild plans no notices
     * @param consumerName      the name under which the live projection stores its positions
     * @param allowTruncatedLog go on even when a partition no longer starts at offset 0
     * @param stallTimeout      give up when no partition moves for this long
     */
    public ReadModelRebuild(Jdbi jdbi, RecordApplier applier, Clock clock, String bootstrapServers,
                            String consumerName, boolean allowTruncatedLog, Duration stallTimeout) {
        this.jdbi = jdbi;
        this.applier = applier;
        this.clock = clock;
        this.consumerName = consumerName;
        this.allowTruncatedLog = allowTruncatedLog;
        this.stallTimeout = stallTimeout;
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerName + "-rebuild");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    /** Runs the rebuild; {@code progress} is given the offsets to read per topic and shown as they are read. */
    public Result run(Function<Map<String, Long>, ProgressBar> progress) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            // read_committed: the end offsets are the last stable offsets, past every committed transaction
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            refuseTruncatedLog(starts, allowTruncatedLog);
            Map<String, Long> totals = new TreeMap<>();
            partitions.forEach(tp -> totals.merge(tp.topic(), ends.get(tp) - starts.get(tp), Long::sum));
            ProgressBar bar = progress.apply(totals);
            Result result = jdbi.inTransaction(h -> {
                DerivedTables.lock(h);
                DerivedTables.clear(h);
                Replay replay = new Replay(h, consumer, starts, ends, bar);
                replay.run(partitions);
                DerivedTables.Kept kept = DerivedTables.restorePeopleState(h);
                storePositions(h, ends);
                Map<TopicPartition, Long> positions = new TreeMap<>(ORDER);
                positions.putAll(ends);
                return new Result(replay.appliedPerTopic, replay.refused, positions, kept);
            });
            bar.finish();
            return result;
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : applier.topicNames()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                LOG.warn("topic {} does not exist; nothing of it to rebuild", topic);
                continue;
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        partitions.sort(ORDER);
        return partitions;
    }

    /** Throws {@link TruncatedLog} when a partition no longer starts at offset 0, unless that is allowed. */
    static void refuseTruncatedLog(Map<TopicPartition, Long> starts, boolean allowTruncatedLog) {
        List<String> truncated = starts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " starts at " + e.getValue()).sorted().toList();
        if (truncated.isEmpty()) {
            return;
        }
        String message = "records before the start of " + String.join(", ", truncated)
                + " were deleted by retention; their rows would be lost";
        if (!allowTruncatedLog) {
            throw new TruncatedLog(message + " (run with --allow-truncated-log to rebuild anyway)");
        }
        LOG.warn("{}; going on as asked", message);
    }

    private void storePositions(Handle h, Map<TopicPartition, Long> ends) {
        h.execute("DELETE FROM consumer_offsets WHERE consumer = ?", consumerName);
        OffsetDao offsets = h.attach(OffsetDao.class);
        ends.forEach((tp, end) -> offsets.savePosition(consumerName, tp.topic(), tp.partition(), end));
    }

    /** One pass over the partitions inside the rebuild's transaction. */
    private final class Replay {

        private final Handle h;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<TopicPartition, Long> starts;
        private final Map<TopicPartition, Long> ends;
        private final ProgressBar bar;
        private final Map<String, Long> appliedPerTopic = new TreeMap<>();
        private long refused;

        Replay(Handle h, KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> starts,
               Map<TopicPartition, Long> ends, ProgressBar bar) {
            this.h = h;
            this.consumer = consumer;
            this.starts = starts;
            this.ends = ends;
            this.bar = bar;
        }

        void run(List<TopicPartition> partitions) {
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, starts.get(tp)));
            partitions.forEach(tp -> appliedPerTopic.putIfAbsent(tp.topic(), 0L));
            Map<TopicPartition, Long> read = new HashMap<>();
            List<TopicPartition> open = new ArrayList<>(partitions);
            pauseFinished(open, read);
            long lastMove = clock.millis();
            while (!open.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    apply(records);
                }
                if (pauseFinished(open, read)) {
                    lastMove = clock.millis();
                } else if (clock.millis() - lastMove > stallTimeout.toMillis()) {
                    throw new IllegalStateException("the rebuild has read nothing for " + stallTimeout
                            + "; still open: " + open);
                }
            }
        }

        /** Updates the progress, pauses the partitions read to their end; whether any of them moved. */
        private boolean pauseFinished(List<TopicPartition> open, Map<TopicPartition, Long> read) {
            boolean moved = false;
            Map<String, Long> perTopic = new LinkedHashMap<>();
            List<TopicPartition> finished = new ArrayList<>();
            for (TopicPartition tp : open) {
                long position = Math.min(consumer.position(tp), ends.get(tp));
                Long before = read.put(tp, position);
                moved |= before == null || before != position;
                if (position >= ends.get(tp)) {
                    finished.add(tp);
                }
            }
            read.forEach((tp, position) -> perTopic.merge(tp.topic(), position - starts.get(tp), Long::sum));
            perTopic.forEach(bar::advance);
            if (!finished.isEmpty()) {
                consumer.pause(finished);
                open.removeAll(finished);
            }
            return moved;
        }

        /** A poll's records below their end offsets: straight through, or record by record if one is at fault. */
        private void apply(ConsumerRecords<byte[], byte[]> records) {
            h.savepoint("batch");
            Map<String, Long> applied;
            try {
                applied = applyAll(records, false);
                h.release("batch");
            } catch (RuntimeException e) {
                if (!Failures.isRecordsFault(e)) {
                    throw e;
                }
                h.rollbackToSavepoint("batch"); // (Jdbi forgets a savepoint rolled back to)
                applied = applyAll(records, true);
            }
            applied.forEach((topic, n) -> appliedPerTopic.merge(topic, n, Long::sum));
        }

        private Map<String, Long> applyAll(ConsumerRecords<byte[], byte[]> records, boolean recordByRecord) {
            Map<String, Long> applied = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue; // written after the rebuild began: the live projection applies it
                }
                if (!recordByRecord) {
                    applier.apply(h, record.topic(), record.key(), record.value(), new Applied());
                } else if (!applyOne(record)) {
                    continue;
                }
                applied.merge(record.topic(), 1L, Long::sum);
            }
            return applied;
        }

        private boolean applyOne(ConsumerRecord<byte[], byte[]> record) {
            h.savepoint("record");
            try {
                applier.apply(h, record.topic(), record.key(), record.value(), new Applied());
                h.release("record");
                return true;
            } catch (RuntimeException e) {
                if (!Failures.isRecordsFault(e)) {
                    throw e;
                }
                h.rollbackToSavepoint("record");
                refused++;
                LOG.warn("record {}-{}@{} cannot be applied ({}); skipped (its dead letter was written when the "
                        + "live projection first met it)", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                return false;
            }
        }
    }
}
