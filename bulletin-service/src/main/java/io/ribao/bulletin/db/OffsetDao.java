package io.ribao.bulletin.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The projection's Kafka positions, kept in PostgreSQL beside the rows they produced. */
@RegisterConstructorMapper(OffsetDao.Position.class)
public interface OffsetDao {

    record Position(String topic, int partition, long nextOffset) {
    }

    @SqlQuery("SELECT topic, partition, next_offset FROM consumer_offsets WHERE consumer = :consumer")
    List<Position> positions(@Bind("consumer") String consumer);

    /** Creates the position row of a partition seen for the first time, so it can be locked like the others. */
    @SqlUpdate("""
            INSERT INTO consumer_offsets (consumer, topic, partition, next_offset)
            VALUES (:consumer, :topic, :partition, 0)
            ON CONFLICT (consumer, topic, partition) DO NOTHING
            """)
    void ensurePosition(@Bind("consumer") String consumer, @Bind("topic") String topic,
                        @Bind("partition") int partition);

    /** Locks the row so two replicas can never both apply the same records: the second waits, then skips them. */
    @SqlQuery("""
            SELECT next_offset FROM consumer_offsets
            WHERE consumer = :consumer AND topic = :topic AND partition = :partition FOR UPDATE
            """)
    Optional<Long> lockPosition(@Bind("consumer") String consumer, @Bind("topic") String topic,
                                @Bind("partition") int partition);

    @SqlUpdate("""
            INSERT INTO consumer_offsets (consumer, topic, partition, next_offset)
            VALUES (:consumer, :topic, :partition, :nextOffset)
            ON CONFLICT (consumer, topic, partition) DO UPDATE SET next_offset = excluded.next_offset
            """)
    void savePosition(@Bind("consumer") String consumer, @Bind("topic") String topic,
                      @Bind("partition") int partition, @Bind("nextOffset") long nextOffset);
}
