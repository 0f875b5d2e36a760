package io.ribao.aggregation.stream;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A store's value serde from one of our binary codecs ({@code ContributionCodec}, {@code UnitHistoryCodec}): the bytes
 * are the codec's, so a store typed with it restores what a bytes store of the previous version wrote.
 */
public final class CodecSerde<T> implements Serde<T> {

    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;

    public CodecSerde(Function<T, byte[]> encode, Function<byte[], T> decode) {
        this.encode = encode;
        this.decode = decode;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode.apply(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> data == null ? null : decode.apply(data);
    }
}
