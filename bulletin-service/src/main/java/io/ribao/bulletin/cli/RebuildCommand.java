package io.ribao.bulletin.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.ribao.bulletin.BulletinConfiguration;
import io.ribao.bulletin.db.Jdbis;
import io.ribao.bulletin.db.Migrations;
import io.ribao.bulletin.delivery.NoticePlanner;
import io.ribao.bulletin.rebuild.ProgressBar;
import io.ribao.bulletin.rebuild.ReadModelRebuild;
import io.ribao.registry.SchemaRegistries;
import io.ribao.topics.Topics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code rebuild config.yml [--allow-truncated-log]}: rebuilds the read models from the topics (decision 310). Run
 * it with every bulletin-service replica stopped; the replicas started afterwards go on from the end offsets, and the
 * alerts raised while they were stopped are notified by the rebuild instead.
 */
public final class RebuildCommand extends ConfiguredCommand<BulletinConfiguration> {

    private static final String ALLOW_TRUNCATED_LOG = "allowTruncatedLog";
    private static final String STEP = "progressStep";

    private final Clock clock;

    public RebuildCommand(Clock clock) {
        super("rebuild", "rebuilds the read models from the topics (stop the service first); keeps "
                + "acknowledgements, rectifications, bulletins and delivery state, re-delivers nothing (alerts "
                + "raised while the service was stopped are notified once)");
        this.clock = clock;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--allow-truncated-log").dest(ALLOW_TRUNCATED_LOG).action(Arguments.storeTrue())
                .help("rebuild even though retention deleted the oldest records (their rows are lost)");
        subparser.addArgument("--progress-step").dest(STEP).type(Integer.class).setDefault(10)
                .help("when not on a terminal, print a progress line every this many percent");
    }

    /** A refused rebuild is a message for the operator, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof ReadModelRebuild.TruncatedLog) {
            cli.getStdErr().println("rebuild refused: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    @Override
    protected void run(Bootstrap<BulletinConfiguration> bootstrap, Namespace namespace,
                       BulletinConfiguration configuration) throws Exception {
        ManagedDataSource dataSource = configuration.getDatabase().build(bootstrap.getMetricRegistry(), "rebuild");
        try {
            if (configuration.isMigrateOnStartup()) {
                Migrations.migrate(dataSource);
            }
            Topics topics = new Topics(SchemaRegistries.forUrl(configuration.getSchemaRegistryUrl()));
            ReadModelRebuild rebuild = new ReadModelRebuild(Jdbis.of(dataSource), topics,
                    new NoticePlanner(configuration.getDelivery().getDigestWindow().toJavaDuration()), clock,
                    configuration.getKafka().getBootstrapServers(), configuration.getKafka().getConsumerName(),
                    Boolean.TRUE.equals(namespace.getBoolean(ALLOW_TRUNCATED_LOG)), Duration.ofMinutes(2));
            PrintStream err = System.err;
            boolean terminal = System.console() != null;
            int step = namespace.getInt(STEP);
            ReadModelRebuild.Result result = rebuild.run(totals -> new ProgressBar(totals, terminal, step, err));
            System.out.printf("rebuilt the read models: %d record(s) applied, %d refused; %d acknowledgement(s) and "
                            + "%d rectification(s) kept (%d without their row any more); %d alert(s) raised after "
                            + "the service's positions planned for notification; positions of '%s' set to the end "
                            + "offsets of %d partition(s)%n",
                    result.applied(), result.refused(), result.kept().acknowledgements(),
                    result.kept().rectifications(), result.kept().withoutRow(), result.owedAlerts(),
                    configuration.getKafka().getConsumerName(), result.positions().size());
        } finally {
            dataSource.stop();
        }
    }
}
