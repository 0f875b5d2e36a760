package io.ribao.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.roster.Form;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TopicView#sync}: the view holds what was committed before the call, and says so when it cannot. */
class TopicViewSyncTest {

    @TempDir
    Path dir;

    private EmbeddedKafkaCluster kafka;
    private Topic<String, Form> forms;
    private TopicView<Form> view;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), 0).start();
        TopicAdmin.createMissing(kafka.bootstrapServers(), Topics.all(), 3, (short) 1);
        forms = new Topics(SchemaRegistries.forUrl("mem://view-sync-" + System.nanoTime())).forms();
        view = new TopicView<>(forms, kafka.bootstrapServers()).start();
        assertThat(view.awaitCaughtUp(java.time.Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        view.close();
        kafka.close();
    }

    @Test
    void afterASyncTheViewHoldsEveryRecordCommittedBeforeIt() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 500; i++) {
                Form form = Form.newBuilder().setId("f-" + i).setName("表" + i).setMetrics(List.of()).build();
                producer.send(new ProducerRecord<>(forms.name(), form.getId().getBytes(StandardCharsets.UTF_8),
                        forms.serializeValue(form)));
            }
            producer.flush();
        }

        view.sync().get(10, TimeUnit.SECONDS);

        assertThat(view.values()).hasSize(500);
    }

    @Test
    void aSyncAskedOfAViewThatHasStoppedFailsAtOnce() throws Exception {
        view.close();

        assertThatThrownBy(() -> view.sync().get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void aSyncWithTheBrokerGoneFailsInsteadOfClaimingTheViewIsCurrent() {
        kafka.close();

        assertThatThrownBy(() -> view.sync().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }
}
