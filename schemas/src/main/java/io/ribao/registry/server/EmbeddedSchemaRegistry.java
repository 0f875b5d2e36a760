package io.ribao.registry.server;

import com.sun.net.httpserver.HttpServer;
import io.ribao.registry.SchemaRegistryClient;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry serving the documented subset of the Confluent REST API (DESIGN.md §2), storing its facts in
 * the compacted {@code _schemas} topic so ids and versions survive a restart. For the local stack and tests; in a
 * cluster the services point at a real registry by URL instead. Run one instance per Kafka cluster.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

    private final HttpServer server;
    private final ExecutorService workers;
    private final SchemaLog log;
    private final String host;

    private EmbeddedSchemaRegistry(HttpServer server, ExecutorService workers, SchemaLog log, String host) {
        this.server = server;
        this.workers = workers;
        this.log = log;
        this.host = host;
    }

    /**
     * A registry on the loopback interface at {@code port} (0 picks a free one), backed by {@code _schemas} on the
     * given brokers; it has read the whole topic before it answers.
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
        return start(bootstrapServers, InetAddress.getLoopbackAddress().getHostAddress(), port);
    }

    /** As {@link #start(String, int)}, listening on {@code bindHost} (e.g. {@code 0.0.0.0} for every interface). */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, String bindHost, int port) {
        return start(KafkaSchemaLog.open(bootstrapServers, Topics.SCHEMAS), bindHost, port);
    }

    static EmbeddedSchemaRegistry start(SchemaLog log, String bindHost, int port) {
        SchemaStore store;
        try {
            store = new SchemaStore(log);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        ExecutorService workers = Executors.newFixedThreadPool(4, daemonThreads());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindHost, port), 50);
            server.createContext("/", new RegistryRoutes(store));
            server.setExecutor(workers);
            server.start();
            String host = "0.0.0.0".equals(bindHost) ? InetAddress.getLoopbackAddress().getHostAddress() : bindHost;
            EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(server, workers, log, host);
            LOG.info("schema registry serving at {}", registry.url());
            return registry;
        } catch (IOException e) {
            workers.shutdownNow();
            log.close();
            throw new UncheckedIOException("cannot listen on " + bindHost + ":" + port, e);
        }
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://" + host + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A client of this registry over HTTP, as a service configured with {@link #url()} would have. */
    public SchemaRegistryClient client() {
        return new SchemaRegistryClient(url());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        log.close();
    }

    /** Runs a registry until the process ends: {@code <bootstrapServers> [port, default 8081]}. */
    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: EmbeddedSchemaRegistry <bootstrapServers> [port]");
        }
        EmbeddedSchemaRegistry registry = start(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 8081);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "schema-registry-shutdown"));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
