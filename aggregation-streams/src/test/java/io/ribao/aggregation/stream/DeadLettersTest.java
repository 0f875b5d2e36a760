package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.registry.SchemaRegistryException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void unreadableOrInvalidRecordsAreDeadLettered() {
        assertThat(DeadLetters.isBadRecord(new SerializationException("bad bytes"))).isTrue();
        assertThat(DeadLetters.isBadRecord(new InvalidRecordException("unknown unit"))).isTrue();
        assertThat(DeadLetters.isBadRecord(new SchemaRegistryException(404, 40403, "no such schema"))).isTrue();
        assertThat(DeadLetters.isBadRecord(new IllegalArgumentException("no schema with id 42"))).isTrue();
    }

    @Test
    void infrastructureFailuresPropagate() {
        assertThat(DeadLetters.isBadRecord(new SchemaRegistryException(503, 50003, "unreachable"))).isFalse();
        // the registry refusing us (credentials, a rate limit) is not the record's fault either (decision 445)
        assertThat(DeadLetters.isBadRecord(new SchemaRegistryException(401, 40101, "unauthorized"))).isFalse();
        assertThat(DeadLetters.isBadRecord(new SchemaRegistryException(429, 42901, "too many requests"))).isFalse();
        assertThat(DeadLetters.isBadRecord(new TimeoutException("broker"))).isFalse();
        assertThat(DeadLetters.isBadRecord(new KafkaException("broker"))).isFalse();
        assertThat(DeadLetters.isBadRecord(new StreamsException("store"))).isFalse();
    }
}
