package io.ribao.bulletin.projection;

import io.dropwizard.lifecycle.Managed;
import io.ribao.bulletin.db.OffsetDao;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects the topics into PostgreSQL exactly once: partitions are assigned by hand, positions come from
 * {@code consumer_offsets}, and each poll's batch is applied with idempotent upserts AND its new positions written
 * in the same transaction. The position rows are locked for the transaction, so a second replica waits and then
 * skips what the first applied. A record that cannot be applied becomes a dead letter and the batch goes on; a
 * database failure rolls the batch back and it is read again from the stored positions.
 */
public final class Projection implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);
    private static final Set<String> ROSTER_TOPICS = Set.of(Topics.ROSTER_JURISDICTIONS, Topics.ROSTER_UNITS,
            Topics.ROSTER_FORMS, Topics.ROSTER_USERS);
    private static final String APP = "bulletin-service";

    private final Jdbi jdbi;
    private final RecordApplier applier;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final String consumerName;
    private final Properties consumerProps;
    private final List<ProjectionListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Set<String> topicsAssigned = new HashSet<>();
    private volatile boolean running;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public Projection(Jdbi jdbi, RecordApplier applier, DeadLetters deadLetters, Clock clock,
                      String bootstrapServers, String consumerName) {
        this.jdbi = jdbi;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.consumerName = consumerName;
        this.consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerName + "-projection");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // a stored position that retention has since deleted resumes at the oldest record still there
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    public Projection addListener(ProjectionListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Whether the loop is still running (for the health check): it stops only on stop() or an unexpected error. */
    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "projection-" + consumerName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        stopRequested.countDown();
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    private void run() {
        try {
            int polls = 0;
            while (running) {
                if (polls++ % 50 == 0 && topicsAssigned.size() < applier.topicNames().size()) {
                    assignAvailablePartitions();
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    applyWithRetry(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("projection woken up while running; stopping", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("projection stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void applyWithRetry(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        long backoffMs = 200;
        while (running) {
            try {
                Applied applied = applyBatch(records);
                notifyListeners(applied);
                return;
            } catch (RuntimeException e) {
                LOG.warn("projection batch of {} records rolled back ({}); reading it again from the stored "
                        + "positions in {} ms", records.count(), e.toString(), backoffMs);
                // wait on the stop latch, so stop() is not delayed by the backoff
                if (stopRequested.await(backoffMs, TimeUnit.MILLISECONDS)) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 10_000);
                seekToStoredPositions(records.partitions());
                records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    return;
                }
            }
        }
    }

    /**
     * One transaction: the batch's upserts and the new positions commit together or not at all. The batch is first
     * applied straight through; only if a record turns out to be at fault is it applied again record by record, each
     * under a savepoint, so the bad one can be dead-lettered and the rest kept.
     */
    Applied applyBatch(ConsumerRecords<byte[], byte[]> records) {
        try {
            return applyBatch(records, false);
        } catch (RuntimeException e) {
            if (!Failures.isRecordsFault(e)) {
                throw e;
            }
            return applyBatch(records, true);
        }
    }

    private Applied applyBatch(ConsumerRecords<byte[], byte[]> records, boolean recordByRecord) {
        return jdbi.inTransaction(h -> {
            Applied applied = new Applied();
            Applied elsewhere = applied.elsewhere();
            OffsetDao offsets = h.attach(OffsetDao.class);
            // one lock order for every replica, so two of them cannot deadlock on the position rows; the roster's
            // topics first, so an alert routed in the same batch as its unit's first record finds the unit's principal
            // and supervisors (on a first start or after a rebuild the whole roster and the alerts come together)
            List<TopicPartition> partitions = records.partitions().stream()
                    .sorted(Comparator.comparing((TopicPartition tp) -> !ROSTER_TOPICS.contains(tp.topic()))
                            .thenComparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                    .toList();
            for (TopicPartition tp : partitions) {
                offsets.ensurePosition(consumerName, tp.topic(), tp.partition());
                Optional<Long> stored = offsets.lockPosition(consumerName, tp.topic(), tp.partition());
                long next = stored.orElse(0L);
                for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                    if (record.offset() < next) {
                        // already applied by another replica: only the listeners that show changes hear of it
                        applier.describe(record.topic(), record.value(), elsewhere);
                        continue;
                    }
                    if (recordByRecord) {
                        applyOne(h, record, applied);
                    } else {
                        applier.apply(h, record.topic(), record.key(), record.value(), applied);
                    }
                    next = record.offset() + 1;
                }
                offsets.savePosition(consumerName, tp.topic(), tp.partition(), next);
            }
            return applied;
        });
    }

    private void applyOne(Handle h, ConsumerRecord<byte[], byte[]> record, Applied applied) {
        h.savepoint("record");
        try {
            applier.apply(h, record.topic(), record.key(), record.value(), applied);
            h.release("record");
        } catch (RuntimeException e) {
            if (!Failures.isRecordsFault(e)) {
                throw e;
            }
            h.rollbackToSavepoint("record");
            LOG.warn("record {}-{}@{} cannot be applied ({}); sent to the dead-letter topic, projection goes on",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            deadLetters.send(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    DeadLetter.newBuilder().setApp(APP).setTopic(record.topic()).setPartition(record.partition())
                            .setOffset(record.offset())
                            .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                            .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                            .setCause(String.valueOf(e.getMessage())).setFailedAt(clock.instant()).build());
        }
    }

    private void notifyListeners(Applied applied) {
        if (!applied.elsewhere().isEmpty()) {
            // first: within a partition the skipped records come before the applied ones
            for (ProjectionListener listener : listeners) {
                try {
                    listener.appliedElsewhere(applied.elsewhere());
                } catch (RuntimeException e) {
                    LOG.error("projection listener {} failed on records applied elsewhere", listener, e);
                }
            }
        }
        if (applied.isEmpty()) {
            return;
        }
        for (ProjectionListener listener : listeners) {
            try {
                listener.afterCommit(applied);
            } catch (RuntimeException e) {
                LOG.error("projection listener {} failed; the rows are committed regardless", listener, e);
            }
        }
    }

    private void assignAvailablePartitions() {
        List<TopicPartition> partitions = new ArrayList<>(consumer.assignment());
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : applier.topicNames()) {
            if (topicsAssigned.contains(topic)) {
                continue;
            }
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                LOG.info("topic {} does not exist yet; the projection will look again", topic);
                continue;
            }
            topicsAssigned.add(topic);
            infos.forEach(p -> added.add(new TopicPartition(p.topic(), p.partition())));
        }
        if (added.isEmpty()) {
            return;
        }
        partitions.addAll(added);
        consumer.assign(partitions);
        seekToStoredPositions(added);
    }

    private void seekToStoredPositions(Set<TopicPartition> partitions) {
        seekToStoredPositions(List.copyOf(partitions));
    }

    private void seekToStoredPositions(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = jdbi.withExtension(OffsetDao.class, dao -> dao.positions(consumerName))
                .stream().collect(Collectors.toMap(p -> new TopicPartition(p.topic(), p.partition()),
                        OffsetDao.Position::nextOffset));
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp);
            if (next == null) {
                fromStart.add(tp);
            } else {
                consumer.seek(tp, next);
            }
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
        }
    }
}
