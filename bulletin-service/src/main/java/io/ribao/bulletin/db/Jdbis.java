package io.ribao.bulletin.db;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A Jdbi as the service configures it, for code and tests that build one without Dropwizard's factory. */
public final class Jdbis {

    private Jdbis() {
    }

    public static Jdbi of(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        return jdbi;
    }
}
