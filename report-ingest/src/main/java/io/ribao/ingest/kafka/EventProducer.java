package io.ribao.ingest.kafka;

import io.dropwizard.lifecycle.Managed;
import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A producer of report-ingest (one for events, one for audit records): acks=all and idempotence, so a write the API
 * confirms is durable; every wait is bounded so that with the broker down the API answers 503 within
 * {@code deliveryTimeout} instead of hanging. The producer's own delivery timeout is shorter than the caller's wait,
 * so a record the caller gave up on has already failed for good and cannot show up later.
 */
public final class EventProducer implements Managed, AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Duration deliveryTimeout;
    /** {@code max.block.ms} plus {@code delivery.timeout.ms}: a record sent now is acknowledged or expired by then. */
    private final Duration givesUpWithin;
    private final Clock clock;

    /** Records are stamped with {@code clock}, so reading back "since N days ago" agrees with the service's days. */
    public EventProducer(String bootstrapServers, Duration deliveryTimeout, String clientId, Clock clock) {
        this(bootstrapServers, deliveryTimeout, Duration.ofMillis(1), clientId, clock);
    }

    public EventProducer(String bootstrapServers, Duration deliveryTimeout, Duration linger, String clientId,
                         Clock clock) {
        this.deliveryTimeout = deliveryTimeout;
        this.clock = clock;
        long budget = deliveryTimeout.toMillis();
        long maxBlock = budget * 3 / 10;
        long delivery = budget * 6 / 10;
        this.givesUpWithin = Duration.ofMillis(maxBlock + delivery);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        // no compression: a request's batch holds a few small records, and lz4 allocated a 64 KiB block per batch
        // (the largest allocation site under load) for little gain on both the producer and the broker
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // send() may block this long for metadata; the batch then has delivery.timeout.ms to be acknowledged
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (budget * 3 / 10));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends a value (or a tombstone when null); the future completes when the broker has acknowledged it. */
    public <V> CompletableFuture<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            byte[] bytes = value == null ? null : topic.serializeValue(value);
            producer.send(new ProducerRecord<>(topic.name(), null, clock.millis(),
                            key.getBytes(StandardCharsets.UTF_8), bytes),
                    (metadata, failure) -> {
                        if (failure != null) {
                            acknowledged.completeExceptionally(failure);
                        } else {
                            acknowledged.complete(metadata);
                        }
                    });
        } catch (RuntimeException e) {
            // metadata timeout, schema registry unreachable, producer closed: nothing was sent
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /** Waits for every acknowledgement within the delivery timeout; throws {@link BrokerUnavailableException}. */
    public void await(List<? extends CompletableFuture<?>> writes) {
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .get(deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException(e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException(e);
        }
    }

    public <V> RecordMetadata sendAndAwait(Topic<String, V> topic, String key, V value) {
        CompletableFuture<RecordMetadata> write = send(topic, key, value);
        await(List.of(write));
        return write.join();
    }

    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    /**
     * How long after {@code send} is called its record is at the latest acknowledged or expired for good (metadata
     * wait plus delivery timeout, 90% of {@code deliveryTimeout}): a caller that gives up no earlier than this can
     * answer "nothing was accepted" knowing the record cannot land later.
     */
    public Duration givesUpWithin() {
        return givesUpWithin;
    }

    @Override
    public void start() {
        // the producer connects lazily on the first send
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
