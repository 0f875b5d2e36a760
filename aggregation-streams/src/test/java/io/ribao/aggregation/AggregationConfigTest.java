package io.ribao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AggregationConfigTest {

    @Test
    void shippedConfigLoadsWithItsDefaults() throws Exception {
        AggregationSettings settings = AggregationConfig.load(Path.of("config.yml"), name -> null);

        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(settings.applicationId()).isEqualTo("ribao-aggregation");
        assertThat(settings.punctuationInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.numStreamThreads()).isEqualTo(1);
        assertThat(settings.replicationFactor()).isEqualTo(1);
        assertThat(settings.reportPartitions()).isZero();
        assertThat(settings.stateCacheMiB()).isEqualTo(24);
        assertThat(settings.streamsProperties()).containsEntry("statestore.cache.max.bytes", 24L * 1024 * 1024);
    }

    @Test
    void environmentVariablesOverrideTheDefaults() throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "AGGREGATION_PUNCTUATION_INTERVAL", "2s", "AGGREGATION_REPLICATION_FACTOR", "3",
                "AGGREGATION_STATE_CACHE_MIB", "0");
        AggregationSettings settings = AggregationConfig.load(Path.of("config.yml"), env::get);

        assertThat(settings.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(settings.punctuationInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.replicationFactor()).isEqualTo(3);
        assertThat(settings.streamsProperties()).containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("statestore.cache.max.bytes", 0L);
    }

    @Test
    void theStreamThreadsConsumerFetchesEightMiBOfAPartitionTheRestoreConsumerTheDefault() {
        AggregationSettings settings = AggregationSettings.of("k:9092", "mem://x", Path.of("/tmp/x"));
        StreamsConfig config = new StreamsConfig(settings.streamsProperties());

        assertThat(config.getMainConsumerConfigs("ribao-aggregation", "c", 0))
                .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        assertThat(config.getRestoreConsumerConfigs("c"))
                .doesNotContainKey(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG);
    }

    @Test
    void unknownKeyOrMissingVariableIsRefusedByName() {
        assertThatThrownBy(() -> AggregationConfig.parse("bootstrapServers: a\nschemaRegistryUrl: mem://x\n"
                + "stateDir: /tmp/x\npunctuation: 1s\n", name -> null))
                .hasMessageContaining("punctuation");
        assertThatThrownBy(() -> AggregationConfig.parse("bootstrapServers: ${NOPE}\n", name -> null))
                .hasMessageContaining("NOPE");
    }
}
