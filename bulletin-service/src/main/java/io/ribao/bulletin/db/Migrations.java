package io.ribao.bulletin.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The Flyway migrations under {@code db/migration}: read models, delivery, and the bulletin's own tables. */
public final class Migrations {

    private Migrations() {
    }

    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
