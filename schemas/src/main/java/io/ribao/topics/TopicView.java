package io.ribao.topics;

import io.ribao.serde.Unreadable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value per key of a compacted topic, read from the beginning and then followed, on a thread of its own.
 * Tombstones remove the key. {@link #awaitCaughtUp} tells when everything written before the view started is in it,
 * {@link #sync} when everything committed before the call is.
 * A record whose bytes cannot be read is skipped; one that cannot be read now (the schema registry unreachable) is read
 * again, its partition paused meanwhile, so the view does not count as caught up without it (decision 443).
 * Every replica of a service keeps its own view, so a roster reload on one replica reaches all of them.
 */
public final class TopicView<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicView.class);

    private static final Duration POLL = Duration.ofMillis(100);
    /** The first wait before a record is read again; each failure in a row doubles it, up to the most. */
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MOST_BACKOFF_MS = 5_000;

    private final Topic<String, V> topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    /** Asked for by {@link #sync}, answered by the view's thread, which alone may use the consumer. */
    private final Queue<CompletableFuture<Void>> syncsAsked = new ConcurrentLinkedQueue<>();
    private final List<Sync> syncsOpen = new ArrayList<>();
    /** Partitions paused at a record to read again, and when ({@link System#nanoTime}) each is resumed. */
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    private long backoffMs = FIRST_BACKOFF_MS;
    private final Thread thread;
    private volatile Consumer<V> listener = v -> { };
    private volatile boolean running = true;
    /** Set when the view's thread has stopped (or will never run): a sync asked for then fails at once. */
    private volatile boolean stopped;

    public TopicView(Topic<String, V> topic, String bootstrapServers) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "view-" + topic.name());
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "view-" + topic.name());
        this.thread.setDaemon(true);
    }

    /** Called with each new value (not tombstones) after it is in the view. */
    public TopicView<V> onUpdate(Consumer<V> listener) {
        this.listener = listener;
        return this;
    }

    public TopicView<V> start() {
        thread.start();
        return this;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Completes once the view holds everything committed to the topic before the call (its last stable offsets
     * then), or exceptionally when they cannot be read. A writer that must work from the topic as it is now, not as
     * this replica last saw it, waits for it.
     */
    public CompletableFuture<Void> sync() {
        CompletableFuture<Void> synced = new CompletableFuture<>();
        syncsAsked.add(synced);
        if (stopped) {
            failSyncs(new IllegalStateException("the view of " + topic.name() + " has stopped"));
        }
        return synced;
    }

    public V get(String key) {
        return values.get(key);
    }

    public Collection<V> values() {
        return values.values();
    }

    public Map<String, V> snapshot() {
        return Map.copyOf(values);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                // a sync asked for is answered within a poll: note the ends now, then read on to them
                openSyncs(partitions);
                resumeDue();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (TopicPartition partition : records.partitions()) {
                    applyInOrder(partition, records.records(partition));
                }
                if (caughtUp.getCount() > 0 && reached(end)) {
                    caughtUp.countDown();
                }
                syncsOpen.removeIf(this::answered);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("view of {} stopped: {}", topic.name(), e.toString(), e);
        } finally {
            stopped = true;
            failSyncs(new IllegalStateException("the view of " + topic.name() + " stopped"));
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private record Sync(Map<TopicPartition, Long> ends, CompletableFuture<Void> synced) {
    }

    /** Completes a sync whose ends the view has reached; true when it is no longer open. */
    private boolean answered(Sync sync) {
        if (sync.synced().isDone()) {
            return true;   // given up by its caller (a timeout on the future)
        }
        if (!reached(sync.ends())) {
            return false;
        }
        sync.synced().complete(null);
        return true;
    }

    private void openSyncs(List<TopicPartition> partitions) {
        List<CompletableFuture<Void>> asked = new ArrayList<>();
        for (CompletableFuture<Void> next; (next = syncsAsked.poll()) != null; ) {
            asked.add(next);
        }
        if (asked.isEmpty()) {
            return;
        }
        try {
            // read committed: the last stable offsets, past every committed transaction
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            asked.forEach(synced -> syncsOpen.add(new Sync(ends, synced)));
        } catch (RuntimeException e) {
            asked.forEach(synced -> synced.completeExceptionally(e));
        }
    }

    /** Fails every sync open or asked for, once the view's thread has left its loop (either may call it then). */
    private synchronized void failSyncs(RuntimeException cause) {
        syncsOpen.forEach(sync -> sync.synced().completeExceptionally(cause));
        syncsOpen.clear();
        for (CompletableFuture<Void> next; (next = syncsAsked.poll()) != null; ) {
            next.completeExceptionally(cause);
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        try {
            return ends.entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey(), POLL) >= e.getValue());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return false;   // a position being reset: not there yet, asked again after the next poll
        }
    }

    /** Applies a partition's records in order, up to one that must be read again later. */
    private void applyInOrder(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!apply(record)) {
                consumer.seek(partition, record.offset());
                consumer.pause(List.of(partition));
                resumeAt.put(partition, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs));
                backoffMs = Math.min(backoffMs * 2, MOST_BACKOFF_MS);
                return;
            }
        }
    }

    private void resumeDue() {
        if (resumeAt.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<TopicPartition> due = resumeAt.entrySet().stream()
                .filter(e -> now - e.getValue() >= 0).map(Map.Entry::getKey).toList();
        due.forEach(resumeAt::remove);
        consumer.resume(due);
    }

    /** False when the record cannot be read now but may be later, so it must be read again. */
    private boolean apply(ConsumerRecord<byte[], byte[]> record) {
        String key = new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        if (record.value() == null) {
            values.remove(key);
            return true;
        }
        V value;
        try {
            value = topic.deserializeValue(record.value());
        } catch (RuntimeException e) {
            if (!Unreadable.forGood(e)) {
                LOG.warn("cannot read record {}-{}@{} in view now, reading it again in {} ms: {}", record.topic(),
                        record.partition(), record.offset(), backoffMs, e.toString());
                return false;
            }
            LOG.error("skipping unreadable record {}-{}@{} in view: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return true;
        }
        if (resumeAt.isEmpty()) {
            backoffMs = FIRST_BACKOFF_MS;
        }
        values.put(key, value);
        listener.accept(value);
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
