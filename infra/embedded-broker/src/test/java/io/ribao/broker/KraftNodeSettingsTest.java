package io.ribao.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KraftNodeSettingsTest {

    private final KraftNodeSettings node = new KraftNodeSettings(1, 9101, 9201, "0@127.0.0.1:9200,1@127.0.0.1:9201",
            Path.of("/data/node-1"), 3, Map.of("min.insync.replicas", "2"));

    @Test
    void settingsSurviveTheTripThroughProcessArguments() {
        // given settings written as arguments for a child process, with the cluster id among them
        List<String> args = new ArrayList<>(node.toArguments());
        args.add("cluster.id=abc");

        // when the child reads them back
        KraftNodeSettings read = KraftNodeSettings.fromArguments(args);

        // then nothing is lost
        assertThat(read).isEqualTo(node);
        assertThat(KraftNodeSettings.argument(args, "cluster.id")).isEqualTo("abc");
    }

    @Test
    void theNodeIsBrokerAndControllerOnItsOwnPortsWithTheOverridesApplied() {
        // when the Kafka properties are derived
        var props = node.properties();

        // then
        assertThat(props.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(props.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9101,CONTROLLER://127.0.0.1:9201");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("0@127.0.0.1:9200,1@127.0.0.1:9201");
        assertThat(props.getProperty("default.replication.factor")).isEqualTo("3");
        assertThat(props.getProperty("min.insync.replicas")).isEqualTo("2");
    }

    @Test
    void aMissingSettingIsNamed() {
        assertThatThrownBy(() -> KraftNodeSettings.fromArguments(List.of("node.id=1")))
                .hasMessageContaining("broker.port");
    }
}
