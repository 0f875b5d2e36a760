package io.ribao.ingest;

import io.dropwizard.core.Application;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.util.Duration;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

/** Builds report-ingest as the tests run it: in this JVM, on a free port, with a clock the test controls. */
public final class IngestTestApp {

    private IngestTestApp() {
    }

    public static IngestConfiguration configuration(String bootstrapServers, String registryUrl) {
        IngestConfiguration config = new IngestConfiguration();
        config.getKafka().setBootstrapServers(bootstrapServers);
        config.setSchemaRegistryUrl(registryUrl);
        config.setRosterFile(DemoRoster.FILE.toString());
        config.setDeliveryTimeout(Duration.seconds(5));
        SimpleServerFactory server = new SimpleServerFactory();
        server.setApplicationContextPath("/");
        server.setAdminContextPath("/admin");
        HttpConnectorFactory http = new HttpConnectorFactory();
        http.setPort(0);
        server.setConnector(http);
        LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
        requestLog.setAppenders(List.of());
        server.setRequestLogFactory(requestLog);
        config.setServerFactory(server);
        ((DefaultLoggingFactory) config.getLoggingFactory()).setLevel("WARN");
        return config;
    }

    public static DropwizardTestSupport<IngestConfiguration> support(IngestConfiguration config, Clock clock) {
        return new DropwizardTestSupport<>(IngestApplication.class, config) {
            @Override
            public Application<IngestConfiguration> newApplication() {
                return new IngestApplication(clock);
            }
        };
    }

    /** A single-node broker for one test class, with every topic of the design created ({@code partitions} each). */
    public static EmbeddedKafkaCluster startKafka(String name, int partitions) {
        try {
            EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(Files.createTempDirectory(name), 0).start();
            TopicAdmin.createMissing(kafka.bootstrapServers(), Topics.all(), partitions, (short) 1);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
