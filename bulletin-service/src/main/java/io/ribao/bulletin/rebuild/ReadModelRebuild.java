package io.ribao.bulletin.rebuild;

import io.ribao.bulletin.db.OffsetDao;
import io.ribao.bulletin.projection.Applied;
import io.ribao.bulletin.projection.Failures;
import io.ribao.bulletin.projection.RaisedAlerts;
import io.ribao.bulletin.projection.RecordApplier;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.topics.Topics;
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
 * No projection listener is told anything and nothing is delivered again: the alerts of records before the live
 * projection's stored positions were notified when it applied them. The raised alerts at or beyond those positions
 * it never applied (the replicas were stopped before they were written), so their notices are planned as it would
 * have planned them; with no stored positions at all (an empty database) none are (decision 310).
 */
public final class ReadModelRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final Jdbi jdbi;
    private final RecordApplier applier;
    private final RaisedAlerts owedNotices;
    private final Clock clock;
    private final String consumerName;
    private final boolean allowTruncatedLog;
    private final Duration stallTimeout;
    private final Properties consumerProps = new Properties();

    /** What the rebuild did; {@code owedAlerts}: raised alerts the live projection never applied, now notified. */
    public record Result(Map<String, Long> appliedPerTopic, long refused, Map<TopicPartition, Long> positions,
                         DerivedTables.Kept kept, int owedAlerts) {

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
     * @param owedNotices       the live projection's notice planner, told only of the raised alerts it never applied
     * @param consumerName      the name under which the live projection stores its positions
     * @param allowTruncatedLog go on even when a partition no longer starts at offset 0
     * @param stallTimeout      give up when no partition moves for this long
     */
    public ReadModelRebuild(Jdbi jdbi, Topics topics, RaisedAlerts owedNotices, Clock clock, String bootstrapServers,
                            String consumerName, boolean allowTruncatedLog, Duration stallTimeout) {
        this.jdbi = jdbi;
        // the projection's own applier, planning nothing itself: which alerts are owed depends on the record's offset
        this.applier = new RecordApplier(topics, RaisedAlerts.NONE);
        this.owedNotices = owedNotices;
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
                Map<TopicPartition, Long> livePositions = livePositions(h);
                DerivedTables.clear(h);
                Replay replay = new Replay(h, consumer, starts, ends, livePositions, bar);
                replay.run(partitions);
                DerivedTables.Kept kept = DerivedTables.restorePeopleState(h);
                int owedAlerts = planOwedNotices(h, replay.owed);
                storePositions(h, ends);
                Map<TopicPartition, Long> positions = new TreeMap<>(ORDER);
                positions.putAll(ends);
                return new Result(replay.appliedPerTopic, replay.refused, positions, kept, owedAlerts);
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

    /** The live projection's positions (read under the rebuild's lock, before they are replaced). */
    private Map<TopicPartition, Long> livePositions(Handle h) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        h.attach(OffsetDao.class).positions(consumerName)
                .forEach(p -> positions.put(new TopicPartition(p.topic(), p.partition()), p.nextOffset()));
        return positions;
    }

    /**
     * Plans the notices of the raised alerts the live projection never applied, in log order, once the whole log is
     * replayed: the roster they are routed by is then complete, whichever topic the replay happened to read first.
     */
    private int planOwedNotices(Handle h, List<AlertEvent> owed) {
        owed.forEach(alert -> owedNotices.raised(h, alert));
        int alerts = (int) owed.stream().map(AlertEvent::getAlertId).distinct().count();
        if (alerts > 0) {
            LOG.info("{} alert(s) raised after the live projection's stored positions were never notified; their "
                    + "notices are planned", alerts);
        }
        return alerts;
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
        private final Map<TopicPartition, Long> livePositions;
        private final ProgressBar bar;
        private final Map<String, Long> appliedPerTopic = new TreeMap<>();
        /** The raised alerts of records at or beyond the live projection's positions, in the order applied. */
        private final List<AlertEvent> owed = new ArrayList<>();
        private long refused;

        Replay(Handle h, KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> starts,
               Map<TopicPartition, Long> ends, Map<TopicPartition, Long> livePositions, ProgressBar bar) {
            this.h = h;
            this.consumer = consumer;
            this.starts = starts;
            this.ends = ends;
            this.livePositions = livePositions;
            this.bar = bar;
        }

        /**
         * Whether the live projection never applied this record, so never notified its alert: it lies at or beyond
         * the stored position (a partition without one was read from its start). No positions at all is an empty
         * database, whose log was notified by no one and stays so (decision 310).
         */
        private boolean neverAppliedLive(ConsumerRecord<byte[], byte[]> record) {
            return !livePositions.isEmpty() && record.offset()
                    >= livePositions.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L);
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
            Batch batch;
            try {
                batch = applyAll(records, false);
                h.release("batch");
            } catch (RuntimeException e) {
                if (!Failures.isRecordsFault(e)) {
                    throw e;
                }
                h.rollbackToSavepoint("batch"); // (Jdbi forgets a savepoint rolled back to)
                batch = applyAll(records, true);
            }
            batch.applied.forEach((topic, n) -> appliedPerTopic.merge(topic, n, Long::sum));
            owed.addAll(batch.owed);
        }

        /** What one pass over a poll's records applied; kept only if the pass is not rolled back. */
        private record Batch(Map<String, Long> applied, List<AlertEvent> owed) {
        }

        private Batch applyAll(ConsumerRecords<byte[], byte[]> records, boolean recordByRecord) {
            Batch batch = new Batch(new HashMap<>(), new ArrayList<>());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue; // written after the rebuild began: the live projection applies it
                }
                Applied applied = new Applied();
                if (!recordByRecord) {
                    applier.apply(h, record.topic(), record.key(), record.value(), applied);
                } else if (!applyOne(record, applied)) {
                    continue;
                }
                batch.applied.merge(record.topic(), 1L, Long::sum);
                if (neverAppliedLive(record)) {
                    applied.alerts().stream().filter(a -> a.getState() == AlertState.RAISED).forEach(batch.owed::add);
                }
            }
            return batch;
        }

        private boolean applyOne(ConsumerRecord<byte[], byte[]> record, Applied applied) {
            h.savepoint("record");
            try {
                applier.apply(h, record.topic(), record.key(), record.value(), applied);
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
