package io.ribao.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link LocalPostgresTest}: starts PostgreSQL on the given data directory, writes one row,
 * says so, and runs until it is killed.
 */
public final class RunsLocalPostgres {

    public static final String READY = "postgres ready";

    private RunsLocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        LocalPostgres pg = LocalPostgres.start(Path.of(args[0]));
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            c.createStatement().execute("create table t(v text)");
            c.createStatement().execute("insert into t values ('崩溃之前')");
        }
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
        pg.close();
    }
}
