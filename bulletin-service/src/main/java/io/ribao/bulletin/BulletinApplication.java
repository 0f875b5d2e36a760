package io.ribao.bulletin;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.ribao.bulletin.board.BoardEvents;
import io.ribao.bulletin.board.BoardEventsServlet;
import io.ribao.bulletin.cli.DbCommand;
import io.ribao.bulletin.cli.RebuildCommand;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.db.DatabaseAudit;
import io.ribao.bulletin.db.Migrations;
import io.ribao.bulletin.delivery.Backoff;
import io.ribao.bulletin.delivery.BulletinOutbox;
import io.ribao.bulletin.delivery.Channels;
import io.ribao.bulletin.delivery.Dispatcher;
import io.ribao.bulletin.delivery.DispatcherHealthCheck;
import io.ribao.bulletin.delivery.EmailChannel;
import io.ribao.bulletin.delivery.InAppChannel;
import io.ribao.bulletin.delivery.NoticePlanner;
import io.ribao.bulletin.delivery.WebhookChannel;
import io.ribao.bulletin.kafka.KafkaBulletinPublisher;
import io.ribao.bulletin.projection.KafkaDeadLetters;
import io.ribao.bulletin.projection.Projection;
import io.ribao.bulletin.projection.ProjectionListener;
import io.ribao.bulletin.projection.RecordApplier;
import io.ribao.bulletin.resources.AlertResource;
import io.ribao.bulletin.resources.BoardResource;
import io.ribao.bulletin.resources.DashboardResource;
import io.ribao.bulletin.resources.FindingResource;
import io.ribao.bulletin.resources.LedgerResource;
import io.ribao.bulletin.resources.MeResource;
import io.ribao.bulletin.resources.StatusResource;
import io.ribao.bulletin.resources.UnitHistoryResource;
import io.ribao.bulletin.workflow.BulletinFeature;
import io.ribao.bulletin.workflow.BulletinService;
import io.ribao.bulletin.workflow.DayCloseDrafting;
import io.ribao.bulletin.workflow.MetricNames;
import io.ribao.kit.http.OpenApiDocument;
import io.ribao.kit.http.SourceParam;
import io.ribao.kit.auth.RibaoAuth;
import io.ribao.kit.auth.TokenAuthenticator;
import io.ribao.kit.error.RibaoErrors;
import io.ribao.kit.http.RequestLogs;
import io.ribao.kit.roster.RosterView;
import io.ribao.registry.SchemaRegistries;
import io.ribao.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bulletin-service: projects the topics into PostgreSQL, serves the board, alerts and the ledger, delivers alerts
 * and bulletins, and runs the bulletin workflow.
 */
public class BulletinApplication extends Application<BulletinConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(BulletinApplication.class);

    private final Clock clock;
    private final List<ProjectionListener> extraListeners = new CopyOnWriteArrayList<>();
    private volatile Jdbi jdbi;
    private volatile Dispatcher dispatcher;

    public BulletinApplication() {
        this(Clock.systemUTC());
    }

    public BulletinApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new BulletinApplication().run(args);
    }

    @Override
    public String getName() {
        return "bulletin-service";
    }

    @Override
    public void initialize(Bootstrap<BulletinConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new RebuildCommand(clock));
    }

    /** Another in-process listener of committed projection batches (e.g. the local stack's board push). */
    public BulletinApplication addProjectionListener(ProjectionListener listener) {
        extraListeners.add(listener);
        return this;
    }

    /** The database handle, once {@code run} has been called (for tests and the local stack). */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The alert dispatcher, once {@code run} has been called; tests call {@code dispatchDue()} on it. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void run(BulletinConfiguration config, Environment env) throws Exception {
        ManagedDataSource dataSource = config.getDatabase().build(env.metrics(), "postgresql");
        if (config.isMigrateOnStartup()) {
            LOG.info("applied {} database migration(s)", Migrations.migrate(dataSource));
        }
        jdbi = new JdbiFactory().build(env, config.getDatabase(), dataSource, "postgresql");

        String bootstrapServers = config.getKafka().getBootstrapServers();
        Topics topics = new Topics(SchemaRegistries.forUrl(config.getSchemaRegistryUrl()));
        RosterView roster = RosterView.start(bootstrapServers, topics);
        env.lifecycle().manage(roster);
        if (!roster.awaitCaughtUp(Duration.ofSeconds(30))) {
            LOG.warn("the roster topics are not read to the end yet; tokens of users not yet read answer 401");
        }

        RibaoErrors.register(config, env);
        RequestLogs.withoutQueryStrings(config);
        RibaoAuth.register(env, roster);
        SourceParam.register(env);
        DatabaseAudit audit = new DatabaseAudit(jdbi);
        // instants are told in the jurisdiction's wall-clock time, as the live roster has it
        Zones zones = new Zones(roster);
        BoardEvents boardEvents = new BoardEvents(zones);
        env.jersey().register(new StatusResource(jdbi, zones));
        env.jersey().register(new AlertResource(jdbi, zones, clock, audit));
        env.jersey().register(new LedgerResource(jdbi));
        env.jersey().register(new BoardResource(jdbi, zones, clock, audit));
        env.servlets().addServlet("board-events", new BoardEventsServlet(jdbi, boardEvents,
                new TokenAuthenticator(roster))).addMapping("/api/v1/board/events");
        // end open event streams as soon as Jetty starts stopping, so shutdown does not wait for them
        env.lifecycle().addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(org.eclipse.jetty.util.component.LifeCycle event) {
                boardEvents.stop();
            }
        });
        env.jersey().register(new DashboardResource());
        env.jersey().getResourceConfig().registerResources(
                OpenApiDocument.at("/api/openapi.json", "/openapi/bulletin-service.openapi.json"));
        env.jersey().register(new MeResource(roster));
        env.jersey().register(new UnitHistoryResource(jdbi, zones, clock, MetricNames.known()::of));
        env.jersey().register(new FindingResource(jdbi, zones, clock, audit));
        env.lifecycle().manage(boardEvents);

        DeliveryConfiguration delivery = config.getDelivery();
        KafkaBulletinPublisher publisher = new KafkaBulletinPublisher(topics.bulletins(), bootstrapServers);
        env.lifecycle().manage(publisher);
        BulletinService bulletins = BulletinFeature.register(env, jdbi, roster, clock, new BulletinOutbox(clock),
                publisher);

        Duration webhookTimeout = delivery.getWebhookTimeout().toJavaDuration();
        dispatcher = new Dispatcher(jdbi, clock, new Channels(Map.of(
                "inapp", new InAppChannel(clock),
                "webhook", new WebhookChannel(webhookTimeout),
                "email", new EmailChannel(delivery.getSmtpHost(), delivery.getSmtpPort(), delivery.getSmtpFrom(),
                        (int) webhookTimeout.toMillis()))),
                new Backoff(delivery.getInitialBackoff().toJavaDuration(), delivery.getMaxBackoff().toJavaDuration()),
                delivery.getMaxAttempts(), delivery.getEscalationDelay().toJavaDuration(),
                delivery.getRepeatInterval().toJavaDuration(), delivery.getPollInterval().toJavaDuration());
        if (config.isDispatcherEnabled()) {
            env.lifecycle().manage(dispatcher);
            env.healthChecks().register("dispatcher", new DispatcherHealthCheck(dispatcher, clock,
                    delivery.getPollInterval().toJavaDuration().multipliedBy(10)));
        }

        if (config.isProjectionEnabled()) {
            KafkaDeadLetters deadLetters = new KafkaDeadLetters(topics.deadLetters("bulletin-service"),
                    bootstrapServers);
            Projection projection = new Projection(jdbi,
                    new RecordApplier(topics, new NoticePlanner(delivery.getDigestWindow().toJavaDuration())),
                    deadLetters, clock, bootstrapServers, config.getKafka().getConsumerName());
            DayCloseDrafting drafting = new DayCloseDrafting(bulletins);
            env.lifecycle().manage(drafting);
            projection.addListener(drafting);
            projection.addListener(boardEvents);
            extraListeners.forEach(projection::addListener);
            // stopped in reverse order: the projection first, then the dead-letter producer it writes to
            env.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
                @Override
                public void stop() {
                    deadLetters.close();
                }
            });
            env.lifecycle().manage(projection);
            env.healthChecks().register("projection", new com.codahale.metrics.health.HealthCheck() {
                @Override
                protected Result check() {
                    return projection.isRunning() ? Result.healthy()
                            : Result.unhealthy("the projection loop is not running; see the log");
                }
            });
        }
    }
}
