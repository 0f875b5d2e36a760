package io.ribao.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.registry.SchemaRegistry;
import io.ribao.registry.SchemaRegistryException;
import io.ribao.schemas.roster.Form;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the view cannot read while the schema registry is unreachable is read again before the view counts as
 * caught up or synced; a record whose own bytes are bad is skipped (decision 443).
 */
class TopicViewReadsAgainTest {

    @TempDir
    Path dir;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final Topic<String, Form> forms = new Topics(registry).forms();
    private final UnreachableAtFirst unreachableTwice = new UnreachableAtFirst(registry, 2);
    private EmbeddedKafkaCluster kafka;
    private TopicView<Form> view;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        TopicAdmin.createMissing(kafka.bootstrapServers(), Topics.all(), 3, (short) 1);
    }

    @AfterEach
    void stop() throws Exception {
        if (view != null) {
            view.close();
        }
        kafka.close();
    }

    @Test
    void recordsReadWhileTheRegistryIsUnreachableAreInTheViewWhenItIsCaughtUp() throws Exception {
        write("f-1", "f-2", "f-3");
        view = new TopicView<>(new Topics(unreachableTwice).forms(), kafka.bootstrapServers()).start();

        assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        assertThat(view.snapshot()).containsOnlyKeys("f-1", "f-2", "f-3");
        assertThat(unreachableTwice.lookUps()).as("two refused, then one answered").isEqualTo(3);
    }

    @Test
    void recordsReadWhileTheRegistryIsUnreachableAreInTheViewWhenASyncCompletes() throws Exception {
        view = new TopicView<>(new Topics(unreachableTwice).forms(), kafka.bootstrapServers()).start();
        assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        write("f-1", "f-2", "f-3");

        view.sync().get(20, TimeUnit.SECONDS);

        assertThat(view.snapshot()).containsOnlyKeys("f-1", "f-2", "f-3");
        assertThat(unreachableTwice.lookUps()).as("two refused, then one answered").isEqualTo(3);
    }

    @Test
    void aRecordWhoseBytesCannotBeReadIsSkippedNotReadAgainForever() throws Exception {
        writeRaw("bad-magic", new byte[] {1, 0, 0, 0, 1, 2});
        writeRaw("unknown-schema-id", new byte[] {0, 0, 0x0f, 0x42, 0x40, 2});
        write("f-1");
        view = new TopicView<>(forms, kafka.bootstrapServers()).start();

        assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        assertThat(view.snapshot()).containsOnlyKeys("f-1");
    }

    private void write(String... ids) {
        for (String id : ids) {
            Form form = Form.newBuilder().setId(id).setName("表 " + id).setMetrics(List.of()).build();
            writeRaw(id, forms.serializeValue(form));
        }
    }

    private void writeRaw(String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(forms.name(), key.getBytes(StandardCharsets.UTF_8), value));
        }
    }

    /** A registry that is unreachable for its first look-ups by id, as the HTTP client reports it (503, 50003). */
    private static final class UnreachableAtFirst implements SchemaRegistry {

        private final SchemaRegistry registry;
        private final int failures;
        private final AtomicInteger lookUps = new AtomicInteger();

        UnreachableAtFirst(SchemaRegistry registry, int failures) {
            this.registry = registry;
            this.failures = failures;
        }

        @Override
        public int register(String subject, Schema schema) {
            return registry.register(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            if (lookUps.incrementAndGet() <= failures) {
                throw new SchemaRegistryException(503, 50003, "schema registry unreachable");
            }
            return registry.schemaById(id);
        }

        int lookUps() {
            return lookUps.get();
        }
    }
}
