package io.ribao.local;

import io.ribao.aggregation.AggregationApp;
import io.ribao.aggregation.AggregationSettings;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.ingest.IngestApplication;
import io.ribao.registry.server.EmbeddedSchemaRegistry;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole system in this process, in dependency order, and stops it in reverse: the data directory's lock →
 * broker → topics → registry → PostgreSQL → report-ingest (publishes the roster) → aggregation-streams →
 * bulletin-service, and returns once bulletin-service's board has the roster (decision 448). A second stack on a data
 * directory in use is refused at once (decision 447). A port of 0 picks a free one (tests).
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    /** bulletin-service's {@code kafka.consumerName} in {@code /local/bulletin-service.yml}. */
    static final String BULLETIN_CONSUMER = "bulletin-service";
    /** How long start waits for the roster on the board: within the 30 s to ready (DESIGN.md §12). */
    static final Duration ROSTER_ON_THE_BOARD = Duration.ofSeconds(30);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private String kafka;
    private String registryUrl;
    private String ingestUrl;
    private String bulletinUrl;

    private LocalStack() {
    }

    /** {@code clock} is the services' clock (deadlines in Streams follow the wall clock). */
    public static LocalStack start(LocalOptions options, Clock clock) {
        LocalStack stack = new LocalStack();
        try {
            stack.startParts(options, clock);
            return stack;
        } catch (DataDirLock.InUse e) {
            stack.close();
            throw e; // its message says it all, in both languages
        } catch (Exception | Error e) {
            stack.close();
            throw new IllegalStateException("the local stack did not start: " + e, e);
        }
    }

    private void startParts(LocalOptions options, Clock clock) throws Exception {
        Path data = options.dataDir().toAbsolutePath().normalize();
        add(DataDirLock.acquire(data)); // first: a second stack on this directory would share its broker's logs
        Path roster = options.roster().toAbsolutePath();
        if (!Files.isRegularFile(roster)) {
            throw new IllegalArgumentException("roster file not found: " + roster);
        }
        int ingestPort = portOrFree(options.ingestPort());
        int bulletinPort = portOrFree(options.bulletinPort());

        EmbeddedKafkaCluster broker = add(EmbeddedKafkaCluster.singleNode(data.resolve("kafka"), options.kafkaPort()).start());
        kafka = broker.bootstrapServers();
        TopicAdmin.createMissing(kafka, Topics.all(), options.partitions(), (short) 1);

        EmbeddedSchemaRegistry registry = add(EmbeddedSchemaRegistry.start(kafka, options.registryPort()));
        registryUrl = registry.url();

        LocalPostgres postgres = add(LocalPostgres.start(data.resolve("postgres")));

        Map<String, String> values = Map.of(
                "RIBAO_KAFKA", kafka,
                "RIBAO_REGISTRY", registryUrl,
                "RIBAO_ROSTER", roster.toString(),
                "RIBAO_INGEST_PORT", String.valueOf(ingestPort),
                "RIBAO_BULLETIN_PORT", String.valueOf(bulletinPort),
                "RIBAO_DB_URL", postgres.jdbcUrl(),
                "RIBAO_DB_USER", postgres.user(),
                "RIBAO_DB_PASSWORD", postgres.password());
        Path conf = data.resolve("conf");

        add(EmbeddedService.start(new IngestApplication(clock),
                ConfigTemplate.write("/local/report-ingest.yml", values, conf.resolve("report-ingest.yml"))));
        ingestUrl = "http://127.0.0.1:" + ingestPort;

        add(AggregationApp.start(AggregationSettings.of(kafka, registryUrl, data.resolve("streams"))));

        // where the roster topics end now that report-ingest has published the file: what the board must show
        long readingEnds = System.nanoTime();
        Map<TopicPartition, Long> rosterEnds = RosterProjected.committedEnds(kafka, RosterProjected.ROSTER_TOPICS,
                ROSTER_ON_THE_BOARD);
        long endsRead = System.nanoTime();
        RosterProjected rosterProjected = new RosterProjected();
        BulletinApplication bulletin = new BulletinApplication(clock).addProjectionListener(rosterProjected);
        add(EmbeddedService.start(bulletin,
                ConfigTemplate.write("/local/bulletin-service.yml", values, conf.resolve("bulletin-service.yml"))));
        bulletinUrl = "http://127.0.0.1:" + bulletinPort;
        long bulletinStarted = System.nanoTime();
        rosterProjected.await(bulletin.jdbi(), BULLETIN_CONSUMER, rosterEnds, ROSTER_ON_THE_BOARD);
        LOG.info("the roster is on the board: {} ms to find where its topics end, {} ms waited for bulletin-service",
                (endsRead - readingEnds) / 1_000_000, (System.nanoTime() - bulletinStarted) / 1_000_000);
    }

    public String kafka() {
        return kafka;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public String ingestUrl() {
        return ingestUrl;
    }

    public String bulletinUrl() {
        return bulletinUrl;
    }

    /** The line scripts wait for (DESIGN.md §10). */
    public String readyLine() {
        return "ribao ready: ingest=" + ingestUrl + " bulletin=" + bulletinUrl + " registry=" + registryUrl
                + " kafka=" + kafka;
    }

    private <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    @Override
    public synchronized void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static int portOrFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
