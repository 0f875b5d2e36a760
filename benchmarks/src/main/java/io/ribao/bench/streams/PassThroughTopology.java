package io.ribao.bench.streams;

import io.ribao.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** The baseline: consume the report events and produce the same bytes, nothing else. */
public final class PassThroughTopology {

    public static final String OUTPUT = "bench.pass-through";

    private PassThroughTopology() {
    }

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.REPORTS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("reports-source"))
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("pass-through-sink"));
        return builder.build();
    }
}
