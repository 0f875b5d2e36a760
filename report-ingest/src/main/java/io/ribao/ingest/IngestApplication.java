package io.ribao.ingest;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.ribao.ingest.cli.MintTokenCommand;
import io.ribao.ingest.core.ReportHistory;
import io.ribao.ingest.core.ReportIndex;
import io.ribao.ingest.core.ReportIntake;
import io.ribao.ingest.kafka.EventProducer;
import io.ribao.ingest.kafka.KafkaAudit;
import io.ribao.ingest.kafka.KafkaReportJournal;
import io.ribao.ingest.kafka.ReportLog;
import io.ribao.ingest.resources.MeResource;
import io.ribao.ingest.resources.ReportResource;
import io.ribao.ingest.resources.RosterResource;
import io.ribao.ingest.roster.Roster;
import io.ribao.ingest.roster.RosterLoader;
import io.ribao.ingest.roster.RosterPublisher;
import io.ribao.ingest.roster.StartupPublish;
import io.ribao.kit.audit.AuditRecords;
import io.ribao.kit.auth.RibaoAuth;
import io.ribao.kit.error.RibaoErrors;
import io.ribao.kit.http.RequestLogs;
import io.ribao.kit.http.OpenApiDocument;
import io.ribao.kit.http.BodySizeLimit;
import io.ribao.kit.http.SecurityHeaders;
import io.ribao.kit.http.SourceParam;
import io.ribao.kit.roster.RosterView;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** report-ingest: the reports API, sign-off, the clerk web form and roster publishing (DESIGN.md §1, §8). */
public class IngestApplication extends Application<IngestConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestApplication.class);
    /** Days before today still open for revision are read back on start; one more covers time-zone edges. */
    private static final int DEFAULT_AMEND_DAYS = 7;

    private final Clock clock;

    public IngestApplication() {
        this(Clock.systemUTC());
    }

    public IngestApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new IngestApplication().run(args);
    }

    @Override
    public String getName() {
        return "report-ingest";
    }

    @Override
    public void initialize(Bootstrap<IngestConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new AssetsBundle("/assets/", "/", "index.html", "clerk-form"));
        bootstrap.addCommand(new MintTokenCommand());
    }

    @Override
    public void run(IngestConfiguration config, Environment environment) throws Exception {
        RibaoErrors.register(config, environment);
        RequestLogs.withoutQueryStrings(config);
        // the API lives under /api so the clerk web form can be served from /
        environment.jersey().setUrlPattern("/api/*");

        String bootstrap = config.getKafka().getBootstrapServers();
        Topics topics = new Topics(SchemaRegistries.forUrl(config.getSchemaRegistryUrl()));
        Duration startup = config.getStartupTimeout().toJavaDuration();

        EventProducer producer = new EventProducer(bootstrap, config.getDeliveryTimeout().toJavaDuration(),
                config.getKafka().getLinger().toJavaDuration(), "report-ingest", clock);
        environment.lifecycle().manage(producer);
        RosterView roster = RosterView.start(bootstrap, topics);
        environment.lifecycle().manage(roster);
        if (!roster.awaitCaughtUp(startup)) {
            throw new IllegalStateException("the roster topics were not read within " + startup);
        }
        RosterLoader loader = new RosterLoader();
        RosterPublisher publisher = new RosterPublisher(bootstrap, topics, roster, clock);
        if (config.getRosterFile() != null && !config.getRosterFile().isBlank()) {
            publishRosterFile(Path.of(config.getRosterFile()), loader, publisher, startup);
        }

        ReportIndex index = new ReportIndex();
        ReportLog log = new ReportLog(bootstrap, topics.reports(), index, () -> lookback(roster), clock).follow();
        environment.lifecycle().manage(log);
        if (!log.awaitCaughtUp(startup)) {
            throw new IllegalStateException("the reports log was not read within " + startup);
        }

        // audit records go through their own producer, whose batches wait for company (decision 411)
        EventProducer auditProducer = new EventProducer(bootstrap, config.getDeliveryTimeout().toJavaDuration(),
                config.getKafka().getAuditLinger().toJavaDuration(), "report-ingest-audit", clock);
        environment.lifecycle().manage(auditProducer);
        KafkaAudit audit = new KafkaAudit(auditProducer, topics.audit());
        // acknowledged writes are answered here, not on the producer's network thread (decision 413)
        ExecutorService answers = environment.lifecycle().executorService("ingest-answers-%d")
                .minThreads(2).maxThreads(2).build();
        ReportIntake intake = new ReportIntake(roster, index, new KafkaReportJournal(producer, topics.reports(), log),
                audit, clock, answers, config.getDeliveryTimeout().toJavaDuration());

        RibaoAuth.register(environment, roster);
        SecurityHeaders.register(environment);
        SourceParam.register(environment);
        environment.jersey().register(new BodySizeLimit(config.getMaxBodyBytes().toBytes())
                .withLimit("v1/roster", config.getMaxRosterBytes().toBytes()));
        environment.jersey().register(new ReportResource(intake, new ReportHistory(roster, index, intake)));
        environment.jersey().register(new RosterResource(loader, publisher, roster, new AuditRecords(clock),
                config.getDeliveryTimeout().toJavaDuration()));
        environment.jersey().register(new MeResource(roster, clock));
        environment.jersey().getResourceConfig().registerResources(
                OpenApiDocument.at("/openapi.json", "/openapi/report-ingest.openapi.json"));
        environment.healthChecks().register("roster", new HealthCheck() {
            @Override
            protected Result check() {
                return roster.jurisdictions().isEmpty()
                        ? Result.unhealthy("no roster published yet") : Result.healthy();
            }
        });
    }

    /** Publishes the roster file; replicas starting together fence each other ({@link StartupPublish}). */
    private static void publishRosterFile(Path file, RosterLoader loader, RosterPublisher publisher, Duration budget)
            throws IOException {
        Roster loaded = loader.load(Files.readString(file, StandardCharsets.UTF_8));
        StartupPublish.run(publisher, loaded, budget).ifPresentOrElse(published -> {
            if (!published.inForceHere()) {
                throw new IllegalStateException("the roster from " + file + " was published but not read back "
                        + "within " + budget);
            }
            LOG.info("roster {} published from {}: {} units, {} users, {} forms", published.jurisdictionId(),
                    file, published.units(), published.users(), published.forms());
        }, () -> LOG.info("roster {} from {} published by another replica", loaded.jurisdiction().getId(), file));
    }

    private static Duration lookback(RosterView roster) {
        int amendDays = roster.jurisdictions().stream().mapToInt(Jurisdiction::getAmendDays).max()
                .orElse(DEFAULT_AMEND_DAYS);
        return Duration.ofDays(amendDays + 2L);
    }
}
