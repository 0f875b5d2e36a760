package io.ribao.aggregation.stream;

import io.ribao.registry.SchemaRegistryException;
import io.ribao.serde.Unreadable;
import io.ribao.schemas.dlq.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;

/** Dead letters of this app, and the one place that tells a bad record from a broken infrastructure. */
public final class DeadLetters {

    public static final String APP = "aggregation-streams";

    private DeadLetters() {
    }

    public static DeadLetter of(String topic, int partition, long offset, byte[] key, byte[] value, Throwable cause,
                                Instant now) {
        return DeadLetter.newBuilder()
                .setApp(APP)
                .setTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setCause(cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .setFailedAt(now)
                .build();
    }

    public static byte[] keyBytes(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A record is dead-lettered when it cannot be read or makes no sense; when the broker, a store or the registry
     * fails, the exception propagates so the app stops loudly instead of skipping good records.
     */
    public static boolean isBadRecord(RuntimeException e) {
        if (e instanceof SerializationException || e instanceof InvalidRecordException) {
            return true;
        }
        if (e instanceof SchemaRegistryException registry) {
            // An unknown schema id is the record's fault; a registry away, failing or refusing us is not (decision 445).
            return Unreadable.forGood(registry);
        }
        return !(e instanceof KafkaException) && !(e instanceof StreamsException);
    }
}
