package io.ribao.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.ingest.IngestTestApp;
import io.ribao.ingest.TopicReader;
import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.roster.Form;
import io.ribao.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One transaction against a real broker: fenced by a later one of the same id, and bounded with the broker gone. */
class OneTransactionTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    private final EmbeddedKafkaCluster kafka = IngestTestApp.startKafka("one-transaction", 1);
    private final Topics topics = new Topics(SchemaRegistries.forUrl("mem://one-transaction-" + System.nanoTime()));
    private final Clock clock = Clock.systemUTC();

    @AfterEach
    void stop() {
        kafka.close();
    }

    private static Form form(String id) {
        return Form.newBuilder().setId(id).setName(id).setMetrics(List.of()).build();
    }

    @Test
    void aLaterTransactionOfTheSameIdSupersedesAnOpenOneWhoseRecordsAreNeverSeen() {
        OneTransaction first = OneTransaction.begin(kafka.bootstrapServers(), "roster-x", BUDGET, clock);
        first.send(topics.forms(), "from-first", form("from-first"));

        try (OneTransaction second = OneTransaction.begin(kafka.bootstrapServers(), "roster-x", BUDGET, clock)) {
            second.send(topics.forms(), "from-second", form("from-second"));
            second.commit();
        }

        assertThatThrownBy(() -> {
            first.send(topics.forms(), "late", form("late"));
            first.commit();
        }).isInstanceOf(OneTransaction.Superseded.class);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.forms())).extracting(Form::getId)
                .containsExactly("from-second");
    }

    @Test
    void aSendThatCannotReachTheBrokerEndsTheTransactionWithinTheBudget() {
        OneTransaction transaction = OneTransaction.begin(kafka.bootstrapServers(), "roster-y", BUDGET, clock);
        kafka.close();
        long started = System.nanoTime();

        // the producer has no metadata of the forms topic yet: the send cannot even start
        assertThatThrownBy(() -> transaction.send(topics.forms(), "f", form("f")))
                .isInstanceOf(BrokerUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BUDGET);
    }
}
