package io.ribao.ingest.kafka;

import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records written as one Kafka transaction: every reader of the system reads committed, so it sees all of them or
 * none. For the rare writes that must not land in part (a roster publish and its audit record, decision 421), on a
 * producer of its own with a transactional id of its own: nothing else is fenced, and a process that dies
 * mid-transaction leaves it to the coordinator to abort after {@code transaction.timeout.ms}.
 *
 * <p>Every wait is bounded by {@code budget}: starting the transaction and the commit may each block 30% of it,
 * the records have 40% to be acknowledged. A failure is a {@link BrokerUnavailableException}, after an attempt to
 * abort what was sent.
 */
public final class OneTransaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OneTransaction.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final Clock clock;
    private boolean begun;
    private boolean finished;
    private boolean closed;

    private OneTransaction(KafkaProducer<byte[], byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /** Starts a transaction, or throws {@link BrokerUnavailableException} within 30% of {@code budget}. */
    public static OneTransaction begin(String bootstrapServers, String clientId, Duration budget, Clock clock) {
        long millis = budget.toMillis();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId + "-" + UUID.randomUUID());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis * 3 / 10);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (millis * 3 / 10));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (millis * 4 / 10));
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        // a transaction nobody finishes (the process died) holds back readers of its partitions until aborted
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.max(millis * 2, 1_000));
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        OneTransaction transaction = new OneTransaction(producer, clock);
        try {
            producer.initTransactions();
            producer.beginTransaction();
            transaction.begun = true;
            return transaction;
        } catch (KafkaException e) {
            transaction.close();
            throw new BrokerUnavailableException(e);
        }
    }

    /** Adds a value (or a tombstone when null); a record that cannot be sent fails the transaction at once. */
    public <V> void send(Topic<String, V> topic, String key, V value) {
        try {
            byte[] bytes = value == null ? null : topic.serializeValue(value);
            producer.send(new ProducerRecord<>(topic.name(), null, clock.millis(),
                    key.getBytes(StandardCharsets.UTF_8), bytes));
        } catch (RuntimeException e) {
            // no metadata within max.block.ms, the schema registry unreachable, a transaction already failed
            close();
            throw new BrokerUnavailableException(e);
        }
    }

    /** Commits: every record sent is now visible to readers; or throws and none of them ever is. */
    public void commit() {
        try {
            producer.commitTransaction();
            finished = true;
        } catch (KafkaException e) {
            close();
            throw new BrokerUnavailableException(e);
        }
    }

    /** Aborts unless committed, and releases the producer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (begun && !finished) {
            finished = true;
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                // the coordinator aborts it after transaction.timeout.ms
                LOG.warn("could not abort a transaction: {}", e.toString());
            }
        }
        producer.close(Duration.ZERO);
    }
}
