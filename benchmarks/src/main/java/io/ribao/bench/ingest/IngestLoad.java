package io.ribao.bench.ingest;

import io.ribao.bench.BenchArgs;
import io.ribao.bench.Samples;
import io.ribao.bench.fixture.BenchRoster;
import io.ribao.bench.kafka.BenchBroker;
import io.ribao.bench.kafka.BenchProducer;
import io.ribao.local.EmbeddedService;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.roster.Unit;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DESIGN.md §12 "ingest": closed-loop HTTP load on {@code POST /api/v1/reports} (auth → validation → Avro → Kafka
 * acks=all → 202) of report-ingest running in this process against a real broker, and the same load on the
 * service's no-op endpoint as the baseline; runs alternate, medians are reported.
 *
 * <p>Before the measured runs both endpoints are driven in turn for {@code --soak} seconds in all, so that the JIT has
 * compiled both paths (without it the first runs measure the interpreter: the no-op's first run was a fifth of its
 * third on this machine).
 *
 * <p>Options: {@code --units=2000 --clients=32 --seconds=10 --warmup=10 --runs=3 --partitions=3 --linger= --rate=5000
 * --connections=64 --soak=180}
 * ({@code linger}: the service's {@code kafka.linger} in ms, the service's default when left out; {@code rate}: after
 * the closed-loop runs, as many open-loop runs of reports offered at that fixed rate, 0 for none; {@code connections}:
 * the open loop's keep-alive connections, as a front proxy would keep to the service).
 */
public final class IngestLoad {

    private static final String REGISTRY = "mem://bench-ingest";
    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int unitCount = options.integer("units", 2_000);
        int clients = options.integer("clients", 32);
        Duration measured = Duration.ofSeconds(options.integer("seconds", 10));
        Duration warmUp = Duration.ofSeconds(options.integer("warmup", 10));
        int runs = options.integer("runs", 3);
        int partitions = options.integer("partitions", 3);
        int lingerMs = options.integer("linger", -1);
        int rate = options.integer("rate", 5_000);
        int connections = options.integer("connections", 64);
        Duration soak = Duration.ofSeconds(options.integer("soak", 180));
        Clock clock = Clock.systemUTC();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));

        try (BenchBroker broker = BenchBroker.start(partitions)) {
            BenchRoster roster = BenchRoster.generate(unitCount + 1, BenchRoster.Deadlines.lateInTheDay(),
                    today.minusDays(30));
            try (BenchProducer producer = new BenchProducer(broker.bootstrapServers(),
                    new Topics(SchemaRegistries.forUrl(REGISTRY)))) {
                producer.sendRoster(roster);
                producer.flush();
            }
            int port = freePort();
            Path config = writeConfig(broker, port, lingerMs);
            try (EmbeddedService ingest = EmbeddedService.start(new BenchIngestApplication(clock), config)) {
                String base = "http://127.0.0.1:" + port + "/api/v1";
                List<LoadGenerator.Call> calls = calls(roster, today);
                checkOne(URI.create(base + "/reports"), calls.get(0));
                LoadGenerator load = new LoadGenerator(clients);
                ProducerBatching batching = new ProducerBatching("report-ingest");
                Samples real = new Samples("POST /api/v1/reports", "accepted/s");
                Samples noOp = new Samples("POST /api/v1/bench/no-op", "accepted/s");
                Samples realP99 = new Samples("POST /api/v1/reports p99", "ms");
                Samples noOpP99 = new Samples("POST /api/v1/bench/no-op p99", "ms");
                Samples realCpu = new Samples("POST /api/v1/reports process CPU", "µs per answer");
                Samples noOpCpu = new Samples("POST /api/v1/bench/no-op process CPU", "µs per answer");
                // each reports run against the no-op run just before it, so a change of the machine's pace between
                // runs (a third, on the shared 2-core machine) moves both sides of a ratio alike
                Samples pairRatio = new Samples("reports against the no-op run before them", "%");
                Duration soakStep = soak.dividedBy(6);
                for (int round = 1; round <= 3 && !soakStep.isZero(); round++) {
                    load.closedLoop("soak", URI.create(base + "/bench/no-op"), calls, soakStep, Duration.ZERO);
                    load.closedLoop("soak", URI.create(base + "/reports"), calls, soakStep, Duration.ZERO);
                }
                System.out.println("soaked both endpoints for " + soak.toSeconds() + " s");
                for (int run = 1; run <= runs; run++) {
                    LoadResult baseline = load.closedLoop("no-op", URI.create(base + "/bench/no-op"), calls, warmUp, measured);
                    System.out.println("run " + run + " " + baseline.summary());
                    noOp.add(baseline.acceptedPerSecond());
                    noOpP99.add(baseline.percentileMillis(99));
                    noOpCpu.add(baseline.cpuMicrosPerAnswer());
                    LoadResult reports = load.closedLoop("reports", URI.create(base + "/reports"), calls, warmUp, measured);
                    System.out.println("run " + run + " " + reports.summary());
                    System.out.println("run " + run + " " + batching.summary());
                    real.add(reports.acceptedPerSecond());
                    realP99.add(reports.percentileMillis(99));
                    realCpu.add(reports.cpuMicrosPerAnswer());
                    pairRatio.add(100 * reports.acceptedPerSecond() / baseline.acceptedPerSecond());
                }
                System.out.println(noOp.summary());
                System.out.println(real.summary());
                System.out.println(noOpP99.summary());
                System.out.println(realP99.summary());
                System.out.println(noOpCpu.summary());
                System.out.println(realCpu.summary());
                System.out.println(pairRatio.summary());
                System.out.printf(Locale.ROOT, "RESULT ingest (closed loop, %d clients): %.0f reports/s, p99 %.1f ms; "
                                + "no-op %.0f/s; ratio %.2f (bar >= 0.50)%n", clients, real.median(),
                        realP99.median(), noOp.median(), real.median() / noOp.median());
                if (rate > 0) {
                    LoadGenerator offered = new LoadGenerator(connections);
                    Samples atRate = new Samples("POST /api/v1/reports at " + rate + "/s", "accepted/s");
                    Samples atRateP99 = new Samples("POST /api/v1/reports at " + rate + "/s p99", "ms");
                    for (int run = 1; run <= runs; run++) {
                        LoadResult reports = offered.openLoop("reports at " + rate + "/s",
                                URI.create(base + "/reports"), calls, rate, warmUp, measured);
                        System.out.println("run " + run + " " + reports.summary());
                        atRate.add(reports.acceptedPerSecond());
                        atRateP99.add(reports.percentileMillis(99));
                    }
                    System.out.println(atRate.summary());
                    System.out.println(atRateP99.summary());
                    System.out.printf(Locale.ROOT, "RESULT ingest (open loop, %d/s offered): %.0f reports/s accepted "
                                    + "(bar >= 5000), p99 %.1f ms from the due time (bar <= 50)%n", rate,
                            atRate.median(), atRateP99.median());
                }
            }
        }
    }

    /** One report per unit, round robin: each POST is a new signed revision of that unit's report for today. */
    private static List<LoadGenerator.Call> calls(BenchRoster roster, LocalDate today) {
        List<LoadGenerator.Call> calls = new ArrayList<>();
        for (Unit unit : roster.reportingUnits()) {
            String body = """
                    {"unitId": "%s", "date": "%s", "zeroReport": false,
                     "metrics": {"key_persons_screened": 12, "centralized_isolation": 2, "home_isolation": 5,
                                 "nucleic_samples": 300, "nucleic_tested": 200},
                     "narrative": "routine day"}""".formatted(unit.getId(), today);
            calls.add(new LoadGenerator.Call(BenchRoster.tokenOf(unit.getId()), body));
        }
        return calls;
    }

    /** One real submission first, so a misconfiguration fails loudly instead of measuring 4xx answers. */
    private static void checkOne(URI uri, LoadGenerator.Call call) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + call.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call.body())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("a valid report was answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** The service's configuration; {@code lingerMs} below 0 keeps the service's default linger. */
    private static Path writeConfig(BenchBroker broker, int port, int lingerMs) throws IOException {
        String yaml = """
                kafka:
                  bootstrapServers: %s
                %s
                schemaRegistryUrl: %s
                deliveryTimeout: 5s
                startupTimeout: 60s
                server:
                  type: simple
                  applicationContextPath: /
                  adminContextPath: /admin
                  connector:
                    type: http
                    bindHost: 127.0.0.1
                    port: %d
                  requestLog:
                    appenders: []
                logging:
                  level: WARN
                """.formatted(broker.bootstrapServers(), lingerMs < 0 ? "" : "  linger: " + lingerMs + "ms", REGISTRY, port);
        Path file = broker.dir().resolve("report-ingest.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
