package io.ribao.ingest.kafka;

import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.i18n.Text;
import io.ribao.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records written as one Kafka transaction: every reader of the system reads committed, so it sees all of them or
 * none. For the rare writes that must not land in part (a roster publish and its audit record, decision 421), on a
 * producer of its own, created for the transaction. Its transactional id names what is written (one for every roster
 * publish, of any jurisdiction, decision 423), so a second publish fences the first — which then fails with
 * {@link Superseded} and leaves nothing — and a transaction left open by a process that died is aborted by the next.
 *
 * <p>Every wait is bounded by {@code budget}: starting the transaction, a send, the commit (which waits for the
 * records' acknowledgements) and an abort may each block at most 15% of it; no send starts, and no abort is tried,
 * once the budget is spent. A failure is a 503; a commit that timed out or was interrupted is in doubt and says so.
 */
public final class OneTransaction implements AutoCloseable {

    /** Another transaction with the same id started after this one: this one is aborted, nothing of it is visible. */
    public static final class Superseded extends ApiException {
        public Superseded(Throwable cause) {
            super(409, "ROSTER_RELOAD_CONFLICT", Text.of("另一次名册发布已接替本次，本次未发布任何内容",
                    "another roster publish took over; nothing of this one was published"));
            initCause(cause);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OneTransaction.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final Clock clock;
    private final long deadline;
    private boolean begun;
    private boolean abortable = true;
    private boolean committed;
    private boolean closed;

    private OneTransaction(KafkaProducer<byte[], byte[]> producer, Clock clock, long deadline) {
        this.producer = producer;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** Starts a transaction, or throws within 15% of {@code budget}. */
    public static OneTransaction begin(String bootstrapServers, String transactionalId, Duration budget,
                                       Clock clock) {
        long deadline = System.nanoTime() + budget.toNanos();
        long millis = budget.toMillis();
        long share = Math.max(1, millis * 15 / 100);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, share);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) share);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) share);
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        // until the next publish of the same id aborts it, an unfinished transaction holds back the readers of its
        // partitions; the broker refuses more than transaction.max.timeout.ms (15 min by default)
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.min(Math.max(millis * 2, 1_000), 900_000));
        OneTransaction transaction;
        try {
            transaction = new OneTransaction(
                    new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()), clock, deadline);
        } catch (RuntimeException e) {
            // e.g. a bootstrap address that does not resolve
            throw new BrokerUnavailableException(e);
        }
        try {
            transaction.producer.initTransactions();
            transaction.producer.beginTransaction();
            transaction.begun = true;
            return transaction;
        } catch (RuntimeException e) {
            throw transaction.failed(e);
        }
    }

    /**
     * Adds a value (or a tombstone when null). A record that could not even be sent (no metadata within
     * {@code max.block.ms}) ends the transaction at once rather than letting every later send wait as long.
     */
    public <V> void send(Topic<String, V> topic, String key, V value) {
        if (System.nanoTime() > deadline) {
            throw failed(new TimeoutException("the transaction's budget is spent"));
        }
        try {
            byte[] bytes = value == null ? null : topic.serializeValue(value);
            Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic.name(), null, clock.millis(),
                    key.getBytes(StandardCharsets.UTF_8), bytes));
            if (sent.isDone()) {
                sent.get();   // completed at once: only a failure to send (a batch is acknowledged later)
            }
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e);
        } catch (RuntimeException e) {
            // the schema registry unreachable, a transaction already failed
            throw failed(e);
        }
    }

    /** Commits: every record sent is now visible to readers; or throws, and none of them is. */
    public void commit() {
        try {
            producer.commitTransaction();
            committed = true;
        } catch (TimeoutException | InterruptException e) {
            // the coordinator may still commit it: neither aborted nor known to be in force
            abortable = false;
            close();
            throw new ApiException(503, "BROKER_UNAVAILABLE", Text.of(
                    "事件日志未及时确认，名册可能已发布也可能未发布；重新发布同一文件是安全的",
                    "the event log did not confirm in time; the roster may or may not be in force, and publishing "
                            + "the same file again is safe"));
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /** Aborts unless committed, and releases the producer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // past the budget, the coordinator aborts it instead (on the next publish of the id, or its timeout)
            if (begun && !committed && abortable && System.nanoTime() < deadline) {
                producer.abortTransaction();
            }
        } catch (RuntimeException e) {
            // fenced, or the broker gone: the coordinator aborts it the same way
            LOG.warn("could not abort transaction: {}", e.toString());
        } finally {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                // interrupted while the sender thread stops: what was committed stays committed
                LOG.warn("producer of a transaction did not close cleanly: {}", e.toString());
            }
        }
    }

    private ApiException failed(Throwable cause) {
        boolean fenced = isFenced(cause);
        if (fenced) {
            abortable = false;   // a fenced producer can only be closed
        }
        close();
        return fenced ? new Superseded(cause) : new BrokerUnavailableException(cause);
    }

    private static boolean isFenced(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }
}
