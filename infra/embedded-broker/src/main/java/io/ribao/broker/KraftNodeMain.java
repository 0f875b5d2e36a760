package io.ribao.broker;

import java.util.List;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * Runs one KRaft node (broker and controller) as its own process, for tests that kill a broker for real
 * ({@link ForkedKafkaCluster}). Arguments: {@link KraftNodeSettings#toArguments()} and {@code cluster.id=…}. Formats the
 * log directory on first start, prints {@link #READY} and the node id on stdout once the node has started, and runs
 * until the process is stopped (an orderly shutdown on SIGTERM; SIGKILL is the crash the tests want).
 */
public final class KraftNodeMain {

    public static final String READY = "RIBAO-KRAFT-NODE-READY";

    private KraftNodeMain() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        KraftNodeSettings settings = KraftNodeSettings.fromArguments(arguments);
        settings.format(KraftNodeSettings.argument(arguments, "cluster.id"));
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(settings.properties(), false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kraft-node-shutdown"));
        server.startup();
        System.out.println(READY + " " + settings.nodeId());
        System.out.flush();
        server.awaitShutdown();
    }
}
