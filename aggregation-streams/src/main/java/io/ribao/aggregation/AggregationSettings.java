package io.ribao.aggregation;

import io.ribao.aggregation.stream.DeadLetterDeserializationHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How the aggregation app runs. {@code reportPartitions} is the partition count of {@code ribao.reports} (how many
 * parts make a day-closed snapshot); 0 means "ask the broker at start". {@code stateCacheMiB} is Kafka Streams' record
 * cache in front of the state stores, for all stream threads together: writes to a key within a commit interval reach
 * the store and its changelog once, and reads hit memory (0 turns it off).
 */
public record AggregationSettings(String bootstrapServers, String schemaRegistryUrl, String applicationId,
                                  Path stateDir, Duration punctuationInterval, int numStreamThreads,
                                  int replicationFactor, int reportPartitions, int stateCacheMiB) {

    public static final String DEFAULT_APPLICATION_ID = "ribao-aggregation";
    public static final Duration DEFAULT_PUNCTUATION_INTERVAL = Duration.ofMillis(250);
    /**
     * Measured (decision 272): Kafka's default of 10 MiB evicts, so writes through, much of a busy day's state; 64 MiB
     * holds the 16:30 burst's changelog writes back to the commit and misses the burst bar; 24 MiB does neither.
     */
    public static final int DEFAULT_STATE_CACHE_MIB = 24;
    /**
     * How much of one partition a stream thread's fetch brings back (Kafka's default: 1 MiB). With a backlog — a
     * restart, a catch-up, a burst of reports — the stream thread otherwise waits in {@code poll} for a fetch every
     * few thousand records; with 8 MiB it waits a few times as seldom (decision 283). Only the main consumer: the
     * memory is taken only while there is a backlog to read, and {@code fetch.max.bytes} (50 MiB) still bounds a fetch.
     */
    public static final int FETCH_BYTES_PER_PARTITION = 8 * 1024 * 1024;

    public AggregationSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(punctuationInterval, "punctuationInterval");
        if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
            throw new IllegalArgumentException("punctuationInterval must be positive, not " + punctuationInterval);
        }
        if (numStreamThreads < 1 || replicationFactor < 1 || reportPartitions < 0) {
            throw new IllegalArgumentException("numStreamThreads and replicationFactor must be >= 1, reportPartitions >= 0");
        }
        if (stateCacheMiB < 0) {
            throw new IllegalArgumentException("stateCacheMiB must be >= 0, not " + stateCacheMiB);
        }
    }

    /** The defaults of every optional key. */
    public static AggregationSettings of(String bootstrapServers, String schemaRegistryUrl, Path stateDir) {
        return new AggregationSettings(bootstrapServers, schemaRegistryUrl, DEFAULT_APPLICATION_ID, stateDir,
                DEFAULT_PUNCTUATION_INTERVAL, 1, 1, 0, DEFAULT_STATE_CACHE_MIB);
    }

    public AggregationSettings withApplicationId(String id) {
        return new AggregationSettings(bootstrapServers, schemaRegistryUrl, id, stateDir, punctuationInterval,
                numStreamThreads, replicationFactor, reportPartitions, stateCacheMiB);
    }

    public AggregationSettings withPunctuationInterval(Duration interval) {
        return new AggregationSettings(bootstrapServers, schemaRegistryUrl, applicationId, stateDir, interval,
                numStreamThreads, replicationFactor, reportPartitions, stateCacheMiB);
    }

    public AggregationSettings withNumStreamThreads(int threads) {
        return new AggregationSettings(bootstrapServers, schemaRegistryUrl, applicationId, stateDir,
                punctuationInterval, threads, replicationFactor, reportPartitions, stateCacheMiB);
    }

    public AggregationSettings withReplicationFactor(int replication) {
        return new AggregationSettings(bootstrapServers, schemaRegistryUrl, applicationId, stateDir,
                punctuationInterval, numStreamThreads, replication, reportPartitions, stateCacheMiB);
    }

    public AggregationSettings withReportPartitions(int partitions) {
        return new AggregationSettings(bootstrapServers, schemaRegistryUrl, applicationId, stateDir,
                punctuationInterval, numStreamThreads, replicationFactor, partitions, stateCacheMiB);
    }

    public AggregationSettings withStateCacheMiB(int mib) {
        return new AggregationSettings(bootstrapServers, schemaRegistryUrl, applicationId, stateDir,
                punctuationInterval, numStreamThreads, replicationFactor, reportPartitions, mib);
    }

    /** Kafka Streams configuration: exactly-once, so every alert is raised once across restarts. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, numStreamThreads);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, stateCacheMiB * 1024L * 1024L);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class);
        props.put(DeadLetterDeserializationHandler.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                FETCH_BYTES_PER_PARTITION);
        // Leave the group on a clean close, so a restarted instance is given its tasks at once instead of after the
        // old member's session timeout; deadlines that fell due meanwhile are caught up sooner.
        props.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), true);
        return props;
    }
}
