package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void rowsWrittenBeforeARestartAreThereAfterIt() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("pg"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            c.createStatement().execute("create table t(v text)");
            c.createStatement().execute("insert into t values ('日报')");
        }
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("pg"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("select v from t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("日报");
        }
    }
}
