package io.ribao.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class UnreadableTest {

    @Test
    void bytesThatDoNotDecodeOrNameAnUnknownSchemaAreUnreadableForGood() {
        assertThat(Unreadable.forGood(new SerializationException("unknown magic byte 110"))).isTrue();
        assertThat(Unreadable.forGood(new SchemaRegistryException(404, 40403, "Schema with id 9 not found."))).isTrue();
        assertThat(Unreadable.forGood(new IllegalStateException("applying",
                new SerializationException("cannot read")))).isTrue();
    }

    @Test
    void aRegistryThatIsAwayFailingOrRefusingUsIsPassing() {
        assertThat(Unreadable.forGood(new SchemaRegistryException(503, 50003, "unreachable"))).isFalse();
        assertThat(Unreadable.forGood(new SchemaRegistryException(500, 50001, "store error"))).isFalse();
        assertThat(Unreadable.forGood(new SchemaRegistryException(401, 40101, "unauthorized"))).isFalse();
        assertThat(Unreadable.forGood(new SerializationException("wrapped",
                new SchemaRegistryException(503, 50003, "unreachable")))).isFalse();
        assertThat(Unreadable.forGood(new IllegalStateException("something else"))).isFalse();
    }
}
