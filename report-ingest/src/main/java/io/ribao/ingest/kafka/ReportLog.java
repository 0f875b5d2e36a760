package io.ribao.ingest.kafka;

import io.dropwizard.lifecycle.Managed;
import io.ribao.ingest.core.ReportIndex;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.serde.Unreadable;
import io.ribao.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code ribao.reports} into a {@link ReportIndex}: on start it reads back from {@code lookback} ago
 * (amendDays + 2 days: older days are locked and need no revision numbers), then tails, so revisions, sign-off
 * look-ups and idempotent retries survive a restart and see the writes of other replicas.
 */
public final class ReportLog implements Managed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportLog.class);

    private final Topic<String, ReportEvent> topic;
    private final ReportIndex index;
    private final KafkaConsumer<byte[], byte[]> consumer;
    /** How far back the open days reach, from the roster as it is now: amendDays + 2 days. */
    private final Supplier<Duration> lookback;
    private final Clock clock;
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final OwnWrites ownWrites = new OwnWrites(100_000);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public ReportLog(String bootstrapServers, Topic<String, ReportEvent> topic, ReportIndex index,
                     Supplier<Duration> lookback, Clock clock) {
        this.topic = topic;
        this.index = index;
        this.lookback = lookback;
        this.clock = clock;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "report-ingest-log");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // This replica applies its own writes to the index at once; the log only brings other replicas' writes and
        // the history after a restart. Letting the broker gather 1 MiB (or 50 ms) per fetch instead of answering
        // every produce spares it hundreds of fetch responses a second under load: ~20 a second at 10,000 reports/s.
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "report-log");
        this.thread.setDaemon(true);
    }

    public ReportLog follow() {
        thread.start();
        return this;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            long since = clock.millis() - lookback.get().toMillis();
            index.readFrom(Instant.ofEpochMilli(since));
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = starts.get(partition);
                consumer.seek(partition, start == null ? end.get(partition) : start.offset());
            }
            long backoffMs = FIRST_BACKOFF_MS;
            while (running) {
                boolean readAgain = applyAll(consumer.poll(Duration.ofMillis(200)));
                settleCatchUps(partitions);
                forgetLockedDays();
                if (caughtUp.getCount() > 0 && end.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
                if (readAgain) {
                    // the registry away: wait before reading the partition again (stop() ends the wait)
                    pause(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
                } else {
                    backoffMs = FIRST_BACKOFF_MS;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("report log woken while running", e);
            }
        } catch (RuntimeException e) {
            LOG.error("report log of {} stopped: {}", topic.name(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Waits until everything written to the topic before this call has been applied to the index: the log's
     * position passes each partition's end offset taken now. False when that did not happen within the timeout.
     */
    public boolean catchUp(Duration timeout) throws InterruptedException {
        CatchUp request = new CatchUp(new CompletableFuture<>());
        catchUpRequests.add(request);
        try {
            request.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("report log did not catch up within {}: {}", timeout, e.toString());
            return false;
        }
    }

    private record CatchUp(CompletableFuture<Void> done) {
    }

    private record Target(Map<TopicPartition, Long> endOffsets, CompletableFuture<Void> done) {
    }

    private final Queue<CatchUp> catchUpRequests = new ConcurrentLinkedQueue<>();
    /** Catch-ups whose end offsets are known, waiting for the position to reach them (log thread only). */
    private final List<Target> targets = new ArrayList<>();

    private void settleCatchUps(List<TopicPartition> partitions) {
        for (CatchUp request; (request = catchUpRequests.poll()) != null; ) {
            try {
                targets.add(new Target(consumer.endOffsets(partitions, Duration.ofSeconds(5)), request.done()));
            } catch (KafkaException e) {
                request.done().completeExceptionally(e);
            }
        }
        targets.removeIf(target -> {
            boolean reached = target.endOffsets().entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            if (reached) {
                target.done().complete(null);
            }
            return reached;
        });
    }

    private LocalDate forgottenBefore = LocalDate.MIN;

    /**
     * Once a day (by the service's clock) drops the days older than the lookback, which are locked by now; by the
     * roster's amendDays as it is now, so a window a reload widened is not dropped (decision 419).
     */
    private void forgetLockedDays() {
        // a day earlier than the lookback in UTC, so no time zone can still have the day open
        LocalDate cutoff = clock.instant().minus(lookback.get()).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        if (cutoff.isAfter(forgottenBefore)) {
            index.forgetBefore(cutoff);
            forgottenBefore = cutoff;
        }
    }

    /**
     * An acknowledged write of this replica, which the intake applies to the index itself: the log passes over it
     * without decoding it (decision 416). Called on the producer's thread, in offset order per partition.
     */
    void wroteHere(int partition, long offset) {
        ownWrites.wrote(partition, offset);
    }

    /**
     * Applies a poll's records in order per partition. A record that cannot be read yet (the registry away, decision
     * 445) is not skipped: its partition is read again from it, so the log's position, and with it every catch-up,
     * stays behind it until it is applied. True when that happened.
     */
    private boolean applyAll(ConsumerRecords<byte[], byte[]> records) {
        boolean readAgain = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (!apply(record)) {
                    consumer.seek(partition, record.offset());
                    readAgain = true;
                    break;
                }
            }
        }
        return readAgain;
    }

    private void pause(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Applies one record; false when it cannot be read yet and must be read again. */
    private boolean apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null || ownWrites.passes(record.partition(), record.offset())) {
            return true;
        }
        ReportEvent event;
        try {
            event = topic.deserializeValue(record.value());
        } catch (RuntimeException e) {
            if (!Unreadable.forGood(e)) {
                LOG.warn("report event {}-{}@{} cannot be read yet, reading it again: {}", record.topic(),
                        record.partition(), record.offset(), e.toString());
                return false;
            }
            LOG.error("skipping unreadable report event {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return true;
        }
        try {
            index.apply(event);
        } catch (RuntimeException e) {
            LOG.error("report event {}-{}@{} could not be applied to the index: {}", record.topic(),
                    record.partition(), record.offset(), e.toString(), e);
        }
        return true;
    }

    @Override
    public void stop() throws InterruptedException {
        close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        stopping.countDown();
        consumer.wakeup();
        thread.join(10_000);
    }
}
