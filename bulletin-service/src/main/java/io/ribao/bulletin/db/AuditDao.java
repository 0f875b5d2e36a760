package io.ribao.bulletin.db;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** bulletin-service keeps its audit trail in its own database (report-ingest's goes to a topic). */
public interface AuditDao {

    @SqlUpdate("""
            INSERT INTO audit (at, actor, action, target, detail, source)
            VALUES (:at, :actor, :action, :target, cast(:detailJson as jsonb), :source)
            """)
    void insert(@Bind("at") Instant at, @Bind("actor") String actor, @Bind("action") String action,
                @Bind("target") String target, @Bind("detailJson") String detailJson, @Bind("source") String source);
}
