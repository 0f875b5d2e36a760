package io.ribao.aggregation.stream;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.ContributionCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link ContributionCodec}'s bytes as the value serde of {@code rollup-sources}. */
public final class ContributionSerde implements Serde<Contribution> {

    private final ContributionCodec codec = new ContributionCodec();

    @Override
    public Serializer<Contribution> serializer() {
        return (topic, value) -> codec.encode(value);
    }

    @Override
    public Deserializer<Contribution> deserializer() {
        return (topic, data) -> codec.decode(data);
    }
}
