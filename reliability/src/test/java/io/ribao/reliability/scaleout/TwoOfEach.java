package io.ribao.reliability.scaleout;

import static org.awaitility.Awaitility.await;

import io.ribao.aggregation.AggregationSettings;
import io.ribao.aggregation.AggregationTopology;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.bulletin.projection.ProjectionListener;
import io.ribao.ingest.IngestApplication;
import io.ribao.local.ConfigTemplate;
import io.ribao.local.EmbeddedService;
import io.ribao.local.LocalPostgres;
import io.ribao.registry.SchemaRegistries;
import io.ribao.registry.server.EmbeddedSchemaRegistry;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances of each service in this JVM against one KRaft node (every topic with {@code partitions}), the embedded
 * registry and one PostgreSQL: report-ingest on two ports with the same roster file, aggregation-streams as two
 * {@link KafkaStreams} of the production topology (one application id, own state directories), bulletin-service on
 * two ports with one database and one consumer name. Instances are numbered 0 and 1; each kind can lose one.
 */
final class TwoOfEach implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwoOfEach.class);

    private final Path dir;
    private final Clock clock;
    private final IntFunction<ProjectionListener> listeners;
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final EmbeddedService[] ingests = new EmbeddedService[2];
    private final KafkaStreams[] streams = new KafkaStreams[2];
    private final EmbeddedService[] bulletins = new EmbeddedService[2];
    private final BulletinApplication[] bulletinApps = new BulletinApplication[2];
    private final Path[] bulletinConfigs = new Path[2];
    private final List<String> ingestUrls = new ArrayList<>();
    private final List<String> bulletinUrls = new ArrayList<>();
    private String kafka;
    private Topics topics;

    private TwoOfEach(Path dir, Clock clock, IntFunction<ProjectionListener> listeners) {
        this.dir = dir;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** {@code listeners} gives each bulletin instance (by number) a projection listener, again on a restart. */
    static TwoOfEach start(Path dir, int partitions, Path roster, Clock clock,
                           IntFunction<ProjectionListener> listeners) throws Exception {
        TwoOfEach stack = new TwoOfEach(dir, clock, listeners);
        try {
            stack.startAll(partitions, roster);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(int partitions, Path roster) throws Exception {
        EmbeddedKafkaCluster broker = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        infrastructure.add(broker);
        kafka = broker.bootstrapServers();
        TopicAdmin.createMissing(kafka, Topics.all(), partitions, (short) 1);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka, 0);
        infrastructure.add(registry);
        topics = new Topics(SchemaRegistries.forUrl(registry.url()));
        LocalPostgres postgres = LocalPostgres.start(dir.resolve("postgres"));
        infrastructure.add(postgres);
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            Path config = ConfigTemplate.write("/local/report-ingest.yml", Map.of("RIBAO_KAFKA", kafka,
                    "RIBAO_REGISTRY", registry.url(), "RIBAO_ROSTER", roster.toString(),
                    "RIBAO_INGEST_PORT", String.valueOf(port)), dir.resolve("ingest-" + i + ".yml"));
            ingests[i] = EmbeddedService.start(new IngestApplication(clock), config);
            ingestUrls.add("http://127.0.0.1:" + port);
        }
        for (int i = 0; i < 2; i++) {
            streams[i] = startStreams(AggregationSettings.of(kafka, registry.url(), dir.resolve("streams-" + i))
                    .withReportPartitions(partitions), i);
        }
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            bulletinConfigs[i] = ConfigTemplate.write("/local/bulletin-service.yml", Map.of("RIBAO_KAFKA", kafka,
                    "RIBAO_REGISTRY", registry.url(), "RIBAO_BULLETIN_PORT", String.valueOf(port),
                    "RIBAO_DB_URL", postgres.jdbcUrl(), "RIBAO_DB_USER", postgres.user(),
                    "RIBAO_DB_PASSWORD", postgres.password()), dir.resolve("bulletin-" + i + ".yml"));
            startBulletin(i);
            bulletinUrls.add("http://127.0.0.1:" + port);
        }
    }

    String kafka() {
        return kafka;
    }

    Topics topics() {
        return topics;
    }

    List<String> ingestUrls() {
        return List.copyOf(ingestUrls);
    }

    List<String> bulletinUrls() {
        return List.copyOf(bulletinUrls);
    }

    KafkaStreams streams(int i) {
        return streams[i];
    }

    Jdbi bulletinDatabase(int i) {
        return bulletinApps[i].jdbi();
    }

    /** The tasks a Streams instance runs as active now. */
    Set<TaskId> activeTasks(int i) {
        return streams[i].metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream())
                .map(t -> t.taskId()).collect(Collectors.toSet());
    }

    /** As a crashed process: no commit, no LeaveGroup; its threads must stop before anyone else goes on. */
    void killStreams(int i) {
        KafkaStreams instance = streams[i];
        instance.close(new KafkaStreams.CloseOptions().timeout(Duration.ZERO).leaveGroup(false));
        await().atMost(Duration.ofSeconds(60)).until(() -> instance.state() == KafkaStreams.State.NOT_RUNNING
                || instance.state() == KafkaStreams.State.ERROR);
        streams[i] = null;
    }

    /** Stops the instance's server (Dropwizard's stop: in-flight requests finish, new connections are refused). */
    void stopIngest(int i) throws Exception {
        ingests[i].close();
        ingests[i] = null;
    }

    void stopBulletin(int i) throws Exception {
        bulletins[i].close();
        bulletins[i] = null;
    }

    /** Starts a bulletin instance on its configuration (port, database) again, as a fresh application. */
    void startBulletin(int i) throws Exception {
        BulletinApplication app = new BulletinApplication(clock);
        app.addProjectionListener(listeners.apply(i));
        bulletins[i] = EmbeddedService.start(app, bulletinConfigs[i]);
        bulletinApps[i] = app;
    }

    private KafkaStreams startStreams(AggregationSettings settings, int instance) {
        Properties props = settings.streamsProperties();
        props.put(StreamsConfig.CLIENT_ID_CONFIG, "aggregation-" + instance);
        // a crashed process sends no LeaveGroup: its tasks move to the survivor once its session times out
        props.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), false);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        KafkaStreams started = new KafkaStreams(AggregationTopology.build(settings, topics), props);
        started.start();
        return started;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>();
        for (KafkaStreams s : streams) {
            if (s != null) {
                all.add(() -> s.close(Duration.ofSeconds(30)));
            }
        }
        for (EmbeddedService[] services : List.of(bulletins, ingests)) {
            for (EmbeddedService service : services) {
                if (service != null) {
                    all.add(service);
                }
            }
        }
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            all.add(infrastructure.get(i));
        }
        for (AutoCloseable part : all) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", part, e.toString());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
