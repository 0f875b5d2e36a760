package io.ribao.bulletin.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One embedded PostgreSQL 17 per test JVM; every call of {@link #fresh()} gives a new empty database with the
 * production migrations applied, so test classes never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final DataSource dataSource;
    private final String jdbcUrl;

    private TestDatabase(DataSource dataSource, String jdbcUrl) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
    }

    public static TestDatabase fresh() {
        TestDatabase db = empty();
        Migrations.migrate(db.dataSource());
        return db;
    }

    /** A new database without the migrations (for the migrate command's own test). */
    public static synchronized TestDatabase empty() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            String name = "t" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            DataSource ds = postgres.getDatabase("postgres", name);
            return new TestDatabase(ds, postgres.getJdbcUrl("postgres", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Jdbi jdbi() {
        return Jdbis.of(dataSource);
    }
}
