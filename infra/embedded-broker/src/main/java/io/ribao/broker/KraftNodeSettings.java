package io.ribao.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One KRaft node, broker and controller at once: its ports, the quorum it votes in, where its data lives, and the
 * Kafka properties that follow from them. Shared by the in-process cluster and the node run as its own process
 * ({@link KraftNodeMain}), which receives these settings as {@code key=value} arguments.
 */
public record KraftNodeSettings(int nodeId, int brokerPort, int controllerPort, String quorumVoters, Path logDir,
                                int replication, Map<String, String> overrides) {

    static final String CONTROLLER = "CONTROLLER";
    private static final String OVERRIDE = "kafka.";

    public KraftNodeSettings {
        overrides = Map.copyOf(overrides);
    }

    /** Formats the log directory for {@code clusterId}, unless it was formatted before (a restart on the same data). */
    public void format(String clusterId) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the broker's log directory " + logDir, e);
        }
    }

    public Properties properties() {
        String minIsr = String.valueOf(Math.max(1, replication - 1));
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", quorumVoters);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("default.replication.factor", String.valueOf(replication));
        props.put("min.insync.replicas", minIsr);
        props.put("offsets.topic.num.partitions", "1");
        props.put("offsets.topic.replication.factor", String.valueOf(replication));
        props.put("transaction.state.log.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", String.valueOf(replication));
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("share.coordinator.state.topic.replication.factor", String.valueOf(replication));
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        props.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
        // The services stamp records with their injected Clock, which tests and the local stack's demos drive ahead
        // of the machine's; Kafka 4 refuses timestamps over an hour ahead by default (decision 005).
        props.put("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
        props.putAll(overrides);
        return props;
    }

    /** These settings as {@code key=value} arguments for {@link KraftNodeMain}. */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>(List.of("node.id=" + nodeId, "broker.port=" + brokerPort,
                "controller.port=" + controllerPort, "quorum.voters=" + quorumVoters, "log.dir=" + logDir,
                "replication=" + replication));
        overrides.forEach((key, value) -> args.add(OVERRIDE + key + "=" + value));
        return args;
    }

    /** Reads {@link #toArguments()}; other arguments ({@code cluster.id=…}) are left to the caller. */
    public static KraftNodeSettings fromArguments(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            }
            String key = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            if (key.startsWith(OVERRIDE)) {
                overrides.put(key.substring(OVERRIDE.length()), value);
            } else {
                values.put(key, value);
            }
        }
        return new KraftNodeSettings(Integer.parseInt(required(values, "node.id")),
                Integer.parseInt(required(values, "broker.port")), Integer.parseInt(required(values, "controller.port")),
                required(values, "quorum.voters"), Path.of(required(values, "log.dir")),
                Integer.parseInt(required(values, "replication")), overrides);
    }

    static String argument(List<String> args, String key) {
        return args.stream().filter(a -> a.startsWith(key + "=")).map(a -> a.substring(key.length() + 1)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("missing argument " + key + "=…"));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + key + "=…");
        }
        return value;
    }
}
