package io.ribao.aggregation.stream;

import io.ribao.aggregation.rules.UnitHistory;
import io.ribao.aggregation.rules.UnitHistoryCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link UnitHistoryCodec}'s bytes as the value serde of {@code unit-histories}. */
public final class UnitHistorySerde implements Serde<UnitHistory> {

    private final UnitHistoryCodec codec = new UnitHistoryCodec();

    @Override
    public Serializer<UnitHistory> serializer() {
        return (topic, value) -> codec.encode(value);
    }

    @Override
    public Deserializer<UnitHistory> deserializer() {
        return (topic, data) -> codec.decode(data);
    }
}
