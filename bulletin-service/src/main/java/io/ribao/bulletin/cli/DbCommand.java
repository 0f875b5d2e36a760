package io.ribao.bulletin.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.ribao.bulletin.BulletinConfiguration;
import io.ribao.bulletin.db.Migrations;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code db migrate config.yml}: applies the Flyway migrations and exits (for deployments with migrateOnStartup off). */
public final class DbCommand extends ConfiguredCommand<BulletinConfiguration> {

    public DbCommand() {
        super("db", "database tasks: 'db migrate <config>' applies the Flyway migrations");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate").help("what to do with the database");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<BulletinConfiguration> bootstrap, Namespace namespace,
                       BulletinConfiguration configuration) throws Exception {
        ManagedDataSource dataSource = configuration.getDatabase().build(bootstrap.getMetricRegistry(), "migrate");
        try {
            int applied = Migrations.migrate(dataSource);
            System.out.println("applied " + applied + " migration(s)");
        } finally {
            dataSource.stop();
        }
    }
}
