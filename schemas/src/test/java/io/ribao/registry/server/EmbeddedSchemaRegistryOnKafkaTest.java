package io.ribao.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.registry.CompatibilityLevel;
import io.ribao.registry.SchemaRegistryClient;
import io.ribao.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded registry on a real broker: its facts live in {@code _schemas} and survive restarts. */
class EmbeddedSchemaRegistryOnKafkaTest {

    @TempDir
    static Path brokerData;

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaCluster.singleNode(brokerData, 0).start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void idsVersionsAndLevelsSurviveARestartOfRegistryAndBroker() {
        int sharedId;
        int secondId;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
            sharedId = client.register("restart.reports-value", Schemas.v1());
            assertThat(client.register("restart.alerts-value", Schemas.v1())).isEqualTo(sharedId);
            secondId = client.register("restart.reports-value", Schemas.v2WithOptionalNote());
            client.setSubjectCompatibility("restart.alerts-value", CompatibilityLevel.FULL);
        }
        kafka.stopNode(0);
        kafka.startNode(0);

        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

            assertThat(client.lookup("restart.reports-value", Schemas.v1()).id()).isEqualTo(sharedId);
            assertThat(client.lookup("restart.alerts-value", Schemas.v1()).id()).isEqualTo(sharedId);
            assertThat(client.versions("restart.reports-value")).containsExactly(1, 2);
            assertThat(client.latest("restart.reports-value").id()).isEqualTo(secondId);
            assertThat(client.subjectCompatibility("restart.alerts-value")).contains(CompatibilityLevel.FULL);
            assertThat(client.register("restart.audit-value", Schemas.v1())).isEqualTo(sharedId);
            assertThat(client.register("restart.audit-key", Schemas.other())).isGreaterThan(secondId);
        }
    }

    @Test
    void theSameSchemaGetsTheSameIdFromASecondRegistryOnTheSameTopic() {
        int id;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            id = registry.client().register("again.one-value", Schemas.other());
        }
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            assertThat(registry.client().register("again.two-value", Schemas.other()))
                    .isEqualTo(id);
        }
    }

    @Test
    void theSchemasTopicIsOneCompactedPartition() throws Exception {
        EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0).close();

        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.SCHEMAS)).allTopicNames().get()
                    .get(Topics.SCHEMAS);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SCHEMAS);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(topic.partitions()).hasSize(1);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }
}
