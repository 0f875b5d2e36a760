package io.ribao.topics;

import org.apache.kafka.common.serialization.Serde;

/** A topic with its key and value serdes, so a serde can never mismatch its topic. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public byte[] serializeValue(V value) {
        return valueSerde.serializer().serialize(name, value);
    }

    public V deserializeValue(byte[] bytes) {
        return valueSerde.deserializer().deserialize(name, bytes);
    }
}
