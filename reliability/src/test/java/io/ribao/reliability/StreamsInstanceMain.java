package io.ribao.reliability;

import io.ribao.aggregation.AggregationSettings;
import io.ribao.aggregation.AggregationTopology;
import io.ribao.registry.SchemaRegistries;
import io.ribao.topics.Topics;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One aggregation-streams instance in its own JVM, for {@link StreamsCrashLoopTest} to kill with SIGKILL: the
 * production topology and settings, plus the static membership a restarted pod has (decision 704; the app's own
 * config has no key for it). Arguments: bootstrap servers, schema registry URL, state directory, report partitions.
 * Prints {@link #RUNNING} each time the Streams client reaches RUNNING; runs until killed.
 */
public final class StreamsInstanceMain {

    static final String RUNNING = "RIBAO-STREAMS-RUNNING";

    private StreamsInstanceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AggregationSettings settings = AggregationSettings.of(args[0], args[1], Path.of(args[2]))
                .withReportPartitions(Integer.parseInt(args[3]));
        Topics topics = new Topics(SchemaRegistries.forUrl(settings.schemaRegistryUrl()));
        KafkaStreams streams = new KafkaStreams(AggregationTopology.build(settings, topics), properties(settings));
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING);
                System.out.flush();
            } else if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        streams.start();
        stopped.await();
        System.exit(1);
    }

    /** The app's properties, with the identity a restarted pod keeps: its tasks come back without a rebalance wait. */
    static Properties properties(AggregationSettings settings) {
        Properties props = settings.streamsProperties();
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "crash-loop");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        return props;
    }
}
