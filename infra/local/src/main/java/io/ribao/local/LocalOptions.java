package io.ribao.local;

import java.nio.file.Path;

/** The run command's options (DESIGN.md §10): a contract with the people and scripts that start the stack. */
public record LocalOptions(Path roster, Path dataDir, int ingestPort, int bulletinPort, int registryPort, int kafkaPort,
                           int partitions) {

    public static final String USAGE = """
            usage: ribao-local [--roster FILE] [--data-dir DIR] [--ingest-port N] [--bulletin-port N]
                               [--registry-port N] [--kafka-port N] [--partitions N]
              --roster FILE       roster YAML to load (default infra/local/demo-roster.yaml)
              --data-dir DIR      where Kafka, PostgreSQL and Streams keep their data (default ./data)
              --ingest-port N     report-ingest HTTP port (default 8080)
              --bulletin-port N   bulletin-service HTTP port (default 8088)
              --registry-port N   schema registry HTTP port (default 8081)
              --kafka-port N      Kafka broker port (default 9092)
              --partitions N      partitions of each topic, only when topics are first created (default 3)
            """;

    public static LocalOptions defaults() {
        return new LocalOptions(Path.of("infra/local/demo-roster.yaml"), Path.of("data"), 8080, 8088, 8081, 9092, 3);
    }

    public static LocalOptions parse(String... args) {
        LocalOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            o = switch (option) {
                case "--roster" -> new LocalOptions(Path.of(value), o.dataDir, o.ingestPort, o.bulletinPort, o.registryPort, o.kafkaPort, o.partitions);
                case "--data-dir" -> new LocalOptions(o.roster, Path.of(value), o.ingestPort, o.bulletinPort, o.registryPort, o.kafkaPort, o.partitions);
                case "--ingest-port" -> new LocalOptions(o.roster, o.dataDir, port(option, value), o.bulletinPort, o.registryPort, o.kafkaPort, o.partitions);
                case "--bulletin-port" -> new LocalOptions(o.roster, o.dataDir, o.ingestPort, port(option, value), o.registryPort, o.kafkaPort, o.partitions);
                case "--registry-port" -> new LocalOptions(o.roster, o.dataDir, o.ingestPort, o.bulletinPort, port(option, value), o.kafkaPort, o.partitions);
                case "--kafka-port" -> new LocalOptions(o.roster, o.dataDir, o.ingestPort, o.bulletinPort, o.registryPort, port(option, value), o.partitions);
                case "--partitions" -> new LocalOptions(o.roster, o.dataDir, o.ingestPort, o.bulletinPort, o.registryPort, o.kafkaPort, positive(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            };
        }
        return o;
    }

    private static int port(String option, String value) {
        int port = positive(option, value);
        if (port > 65535) {
            throw new IllegalArgumentException(option + " must be a port number (1-65535), not " + value);
        }
        return port;
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not " + value);
        }
    }
}
