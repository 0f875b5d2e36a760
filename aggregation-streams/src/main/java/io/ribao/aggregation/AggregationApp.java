package io.ribao.aggregation;

import io.ribao.registry.SchemaRegistries;
import io.ribao.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running aggregation app: {@link #start} it in-process (the local stack does), or run {@link #main}. */
public final class AggregationApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AggregationApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private AggregationApp(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Builds the topology and starts it; an error the app cannot handle stops it loudly (state ERROR). */
    public static AggregationApp start(AggregationSettings settings) {
        return start(settings, (newState, oldState) -> { });
    }

    /** As {@link #start(AggregationSettings)}, telling {@code states} every state change of the Streams client. */
    public static AggregationApp start(AggregationSettings settings, KafkaStreams.StateListener states) {
        AggregationSettings resolved = settings.reportPartitions() > 0
                ? settings : settings.withReportPartitions(reportPartitions(settings.bootstrapServers()));
        Topics topics = new Topics(SchemaRegistries.forUrl(resolved.schemaRegistryUrl()));
        KafkaStreams streams = new KafkaStreams(AggregationTopology.build(resolved, topics),
                resolved.streamsProperties());
        streams.setStateListener(states);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("aggregation-streams stops on an unrecoverable error", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        LOG.info("aggregation-streams started: application.id={}, {} partition(s) of {}", resolved.applicationId(),
                resolved.reportPartitions(), Topics.REPORTS);
        return new AggregationApp(streams);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stops and leaves the group, so a restarted instance gets its tasks back at once, not after a session timeout. */
    @Override
    public void close() {
        streams.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true));
    }

    /** Runs until shut down (exit 0) or until the Streams client fails (exit 1, so it gets restarted). */
    public static void main(String[] args) throws Exception {
        Path config = Path.of(args.length > 0 ? args[0] : "aggregation-streams/config.yml");
        Lifetime lifetime = new Lifetime();
        AggregationApp app = start(AggregationConfig.load(config, System::getenv), lifetime);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lifetime.shutdownRequested();
            app.close();
        }, "aggregation-shutdown"));
        int exitCode = lifetime.awaitExitCode();
        if (exitCode != Lifetime.STOPPED) {
            LOG.error("aggregation-streams client is in state {}; exiting with {} so it is restarted",
                    app.state(), exitCode);
            app.close();
            System.exit(exitCode);
        }
    }

    private static int reportPartitions(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicDescription description = admin.describeTopics(List.of(Topics.REPORTS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.REPORTS);
            return description.partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the partition count of " + Topics.REPORTS
                    + " (create the topics first)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the partition count of " + Topics.REPORTS, e);
        }
    }
}
