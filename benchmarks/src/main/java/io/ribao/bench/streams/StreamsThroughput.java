package io.ribao.bench.streams;

import io.ribao.aggregation.AggregationApp;
import io.ribao.aggregation.AggregationSettings;
import io.ribao.bench.BenchArgs;
import io.ribao.bench.Poll;
import io.ribao.bench.Samples;
import io.ribao.bench.StreamThreadCpu;
import io.ribao.bench.fixture.BenchRoster;
import io.ribao.bench.fixture.ReportEvents;
import io.ribao.bench.kafka.BenchBroker;
import io.ribao.bench.kafka.BenchProducer;
import io.ribao.bench.kafka.CommittedProgress;
import io.ribao.aggregation.stream.DeadLetters;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.roster.Unit;
import io.ribao.topics.TopicAdmin;
import io.ribao.topics.TopicSpec;
import io.ribao.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * DESIGN.md §12 "streams": the production aggregation topology against a plain pass-through of the same report events
 * with the same guarantee (exactly_once_v2), on one in-process broker. Each run uses a fresh application id, so it
 * reads the whole input; done = the group's committed offsets on {@code ribao.reports} reach the end offsets.
 *
 * <p>Options: {@code --reports=200000 --units=2000 --partitions=3 --runs=3 --threads=1 --cache-mib=24 --warmup=0
 * --pass-through-fetch-mib=0} ({@code threads}: stream threads of both topologies; {@code cache-mib}: the app's
 * {@code stateCacheMiB}; {@code warmup}: pairs of runs before the measured ones, printed but not counted — each side's
 * JIT still gains from run to run for the first few, docs/benchmarks-history.md "The eighteenth session";
 * {@code pass-through-fetch-mib}: when above 0, the pass-through's consumer fetches that much of a partition, as
 * the app's does ({@link AggregationSettings#FETCH_BYTES_PER_PARTITION}) — the baseline is otherwise plain, Kafka's
 * defaults).
 */
public final class StreamsThroughput {

    private static final String REGISTRY = "mem://bench-streams";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    private StreamsThroughput() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int reports = options.integer("reports", 200_000);
        int unitCount = options.integer("units", 2_000);
        int partitions = options.integer("partitions", 3);
        int runs = options.integer("runs", 3);
        int threads = options.integer("threads", 1);
        int cacheMiB = options.integer("cache-mib", AggregationSettings.DEFAULT_STATE_CACHE_MIB);
        int warmup = options.integer("warmup", 0);
        int passFetchMiB = options.integer("pass-through-fetch-mib", 0);
        Clock clock = Clock.systemUTC();

        try (BenchBroker broker = BenchBroker.start(partitions);
             CommittedProgress progress = new CommittedProgress(broker.bootstrapServers())) {
            TopicAdmin.createMissing(broker.bootstrapServers(),
                    List.of(new TopicSpec(PassThroughTopology.OUTPUT, false)), partitions, (short) 1);
            Topics topics = new Topics(SchemaRegistries.forUrl(REGISTRY));
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
            BenchRoster roster = BenchRoster.generate(unitCount + 1, BenchRoster.Deadlines.lateInTheDay(),
                    today.minusDays(30));
            load(broker, topics, roster, reports, today, clock);
            System.out.printf(Locale.ROOT, "loaded %d report events over %d units into %d partitions%n",
                    reports, roster.reportingUnits().size(), partitions);

            Samples passThrough = new Samples("pass-through (steady)", "records/s");
            Samples production = new Samples("aggregation topology (steady)", "records/s");
            Samples passOverall = new Samples("pass-through (incl. start)", "records/s");
            Samples productionOverall = new Samples("aggregation topology (incl. start)", "records/s");
            Samples passCpu = new Samples("pass-through stream thread CPU", "µs per record");
            Samples productionCpu = new Samples("aggregation topology stream thread CPU", "µs per record");
            Samples productionTail = new Samples("aggregation topology, reports committed → roll-up stage committed",
                    "ms");
            for (int run = 1; run <= warmup; run++) {
                System.out.println("warm-up " + run + " "
                        + passThrough(broker, progress, "w" + run, threads, passFetchMiB));
                System.out.println("warm-up " + run + " "
                        + production(broker, progress, "w" + run, partitions, threads, cacheMiB));
            }
            for (int run = 1; run <= runs; run++) {
                Throughput a = passThrough(broker, progress, String.valueOf(run), threads, passFetchMiB);
                passThrough.add(a.steadyPerSecond());
                passOverall.add(a.overallPerSecond());
                passCpu.add(a.streamThreadMicrosPerRecord());
                System.out.println("run " + run + " " + a);
                Throughput b = production(broker, progress, String.valueOf(run), partitions, threads, cacheMiB);
                production.add(b.steadyPerSecond());
                productionOverall.add(b.overallPerSecond());
                productionCpu.add(b.streamThreadMicrosPerRecord());
                productionTail.add(b.tailMillis());
                System.out.println("run " + run + " " + b);
            }
            System.out.println(passThrough.summary());
            System.out.println(production.summary());
            System.out.println(passOverall.summary());
            System.out.println(productionOverall.summary());
            System.out.println(passCpu.summary());
            System.out.println(productionCpu.summary());
            System.out.println(productionTail.summary());
            System.out.printf(Locale.ROOT, "RESULT streams: aggregation %.0f records/s, pass-through %.0f records/s, "
                    + "ratio %.2f (bar >= 0.50)%n", production.median(), passThrough.median(),
                    production.median() / passThrough.median());
        }
    }

    private static void load(BenchBroker broker, Topics topics, BenchRoster roster, int reports, LocalDate today,
                             Clock clock) throws Exception {
        List<Unit> units = roster.reportingUnits();
        try (BenchProducer producer = new BenchProducer(broker.bootstrapServers(), topics)) {
            producer.sendRoster(roster);
            producer.flush();
            Instant at = clock.instant();
            for (int i = 0; i < reports; i++) {
                Unit unit = units.get(i % units.size());
                int revision = i / units.size() + 1;
                producer.send(topics.reports(), unit.getId(), ReportEvents.signed(unit.getId(), today, revision, at));
            }
            producer.flush();
        }
    }

    private static Throughput passThrough(BenchBroker broker, CommittedProgress progress, String run, int threads,
                                          int fetchMiB) throws Exception {
        String id = "bench-pass-through-" + run;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, broker.dir().resolve("streams-" + id).toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        if (fetchMiB > 0) {
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                    fetchMiB * 1024 * 1024);
        }
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(PassThroughTopology.build(), props)) {
            streams.start();
            return measure(progress, id, start);
        }
    }

    private static Throughput production(BenchBroker broker, CommittedProgress progress, String run, int partitions,
                                         int threads, int cacheMiB) throws Exception {
        String id = "bench-aggregation-" + run;
        Path state = broker.dir().resolve("streams-" + id);
        AggregationSettings settings = AggregationSettings.of(broker.bootstrapServers(), REGISTRY, state)
                .withApplicationId(id).withReportPartitions(partitions)
                .withNumStreamThreads(threads).withStateCacheMiB(cacheMiB);
        List<String> deadLetterTopic = List.of(Topics.deadLetterTopic(DeadLetters.APP));
        long deadLettersBefore = progress.endOffsets(deadLetterTopic);
        long start = System.nanoTime();
        try (AggregationApp app = AggregationApp.start(settings)) {
            Throughput t = measure(progress, id, start);
            long deadLetters = progress.endOffsets(deadLetterTopic) - deadLettersBefore;
            return t.withDeadLetters(deadLetters);
        }
    }

    /**
     * Polls the group's committed offsets until they reach the end of {@code ribao.reports} and of the app's own
     * repartition topics (the roll-up stage), so the last stage's output is committed too.
     */
    private static Throughput measure(CommittedProgress progress, String group, long start) throws Exception {
        List<String> input = List.of(Topics.REPORTS);
        long end = progress.endOffsets(input);
        String threads = group + "-";
        AtomicLong firstAt = new AtomicLong();
        AtomicLong firstCommitted = new AtomicLong(-1);
        AtomicLong firstCpu = new AtomicLong();
        AtomicLong inputDoneAt = new AtomicLong();
        ProgressByFifths fifths = new ProgressByFifths();
        AtomicLong doneAt = new AtomicLong();
        AtomicLong doneCpu = new AtomicLong();
        Poll.until(() -> {
            long committed = progress.committed(group, input);
            long now = System.nanoTime();
            if (committed > 0 && firstCommitted.get() < 0) {
                firstCommitted.set(committed);
                firstAt.set(now);
                firstCpu.set(StreamThreadCpu.nanos(threads));
            }
            if (committed > 0) {
                fifths.sample(now, committed);
            }
            if (committed >= end && inputDoneAt.get() == 0) {
                inputDoneAt.set(now);
            }
            if (committed >= end && progress.lag(group, input) == 0) {
                doneAt.set(now);
                doneCpu.set(StreamThreadCpu.nanos(threads));
                return true;
            }
            return false;
        }, Duration.ofMillis(50), RUN_TIMEOUT, group + " to commit " + end + " records");
        double steadySeconds = (doneAt.get() - firstAt.get()) / 1e9;
        long steadyRecords = end - firstCommitted.get();
        double steady = steadySeconds > 0 ? steadyRecords / steadySeconds : Double.NaN;
        double overall = end / ((doneAt.get() - start) / 1e9);
        // over the same steady window as the rate: the app's start (restore, group join) left out
        double cpuPerRecord = steadyRecords > 0 ? (doneCpu.get() - firstCpu.get()) / 1e3 / steadyRecords : Double.NaN;
        return new Throughput(end, steady, overall, cpuPerRecord, 0, (doneAt.get() - inputDoneAt.get()) / 1_000_000,
                fifths.thousandsPerSecond(end));
    }
}
