package io.ribao.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * The run command's options (DESIGN.md §10): a contract with the people and scripts that start the stack. A relative
 * {@code --roster} or {@code --data-dir} is the caller's: {@code ribao-local} changes to the repository before it
 * starts Java, so it passes the directory it was called from in {@value #CALLER_DIR}; without that variable they are
 * taken in the JVM's working directory. The defaults stay where the README puts them: {@code ./data} and the demo
 * roster in the repository (the JVM's working directory under {@code ribao-local}) — decision 446.
 */
public record LocalOptions(Path roster, Path dataDir, int ingestPort, int bulletinPort, int registryPort, int kafkaPort,
                           int partitions) {

    /** The environment variable in which {@code ribao-local} passes the directory it was called from. */
    public static final String CALLER_DIR = "RIBAO_CALLER_DIR";

    public static final String USAGE = """
            usage: ribao-local [--roster FILE] [--data-dir DIR] [--ingest-port N] [--bulletin-port N]
                               [--registry-port N] [--kafka-port N] [--partitions N]
              --roster FILE       roster YAML to load (default: the demo roster, infra/local/demo-roster.yaml)
              --data-dir DIR      where Kafka, PostgreSQL and Streams keep their data (default: ./data in the
                                  repository); a relative FILE or DIR is taken in the directory you run from
              --ingest-port N     report-ingest HTTP port (default 8080)
              --bulletin-port N   bulletin-service HTTP port (default 8088)
              --registry-port N   schema registry HTTP port (default 8081)
              --kafka-port N      Kafka broker port (default 9092)
              --partitions N      partitions of each topic, only when topics are first created (default 3)
            """;

    public static LocalOptions defaults() {
        return new LocalOptions(Path.of("infra/local/demo-roster.yaml"), Path.of("data"), 8080, 8088, 8081, 9092, 3);
    }

    /** The options of {@code args}, a relative path taken in the caller's directory ({@link #callerDir}). */
    public static LocalOptions parse(String... args) {
        return parse(callerDir(System.getenv()), args);
    }

    /** The options of {@code args}, a relative {@code --roster} or {@code --data-dir} resolved against {@code base}. */
    public static LocalOptions parse(Path base, String... args) {
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
                case "--roster" -> new LocalOptions(path(base, value), o.dataDir, o.ingestPort, o.bulletinPort, o.registryPort, o.kafkaPort, o.partitions);
                case "--data-dir" -> new LocalOptions(o.roster, path(base, value), o.ingestPort, o.bulletinPort, o.registryPort, o.kafkaPort, o.partitions);
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

    /** {@value #CALLER_DIR} when set, else the JVM's working directory; absolute either way. */
    static Path callerDir(Map<String, String> environment) {
        String dir = environment.get(CALLER_DIR);
        Path working = Path.of("").toAbsolutePath();
        return dir == null || dir.isBlank() ? working : working.resolve(dir).normalize();
    }

    private static Path path(Path base, String value) {
        return base.toAbsolutePath().resolve(value).normalize();
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
