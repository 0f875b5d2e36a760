package io.ribao.bench.ingest;

import io.ribao.bench.ProcessCpu;
import io.ribao.bench.BenchArgs;
import io.ribao.bench.Samples;
import io.ribao.ingest.core.ReportIndex;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What report-ingest's {@link ReportIndex} costs the heap: {@code --events} signed revisions (1,500,000: a few days
 * of a large roster) spread over {@code --units}, each built as the intake builds one (fresh strings, as from a
 * request's JSON, five metrics), with {@code --garbage} bytes of short-lived objects per event standing for the
 * request's own work, applied to a fresh index per run. Prints the process CPU per event (every thread: the
 * collector's too), the collector's pause time and the live heap after a full collection with the index still held.
 * Uses only {@code new ReportIndex()} and {@code apply}, so the same file measures an earlier index too.
 */
public final class IndexFootprint {

    private static final String[] METRICS = {"key_persons_screened", "centralized_isolation", "home_isolation",
            "nucleic_samples", "nucleic_tested"};
    private static volatile Object sink;

    public static void main(String[] args) {
        BenchArgs options = new BenchArgs(args);
        int events = options.integer("events", 1_500_000);
        int units = options.integer("units", 2_000);
        int garbage = options.integer("garbage", 10_240);
        int runs = options.integer("runs", 3);
        Samples cpu = new Samples("process CPU", "µs per event");
        Samples pauses = new Samples("collector pauses", "ms per run");
        Samples live = new Samples("live heap with the index", "MiB");
        for (int run = 1; run <= runs; run++) {
            long pausedBefore = pausedMillis();
            long cpuBefore = ProcessCpu.nanos();
            ReportIndex index = fill(events, units, garbage);
            double cpuPerEvent = (ProcessCpu.nanos() - cpuBefore) / 1e3 / events;
            long paused = pausedMillis() - pausedBefore;
            System.gc();
            long liveMiB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            sink = index;
            System.out.printf(Locale.ROOT, "run %d: %.2f µs per event, collector pauses %d ms, live %d MiB%n",
                    run, cpuPerEvent, paused, liveMiB);
            cpu.add(cpuPerEvent);
            pauses.add(paused);
            live.add(liveMiB);
            sink = null;
            System.gc();
        }
        System.out.println(cpu.summary());
        System.out.println(pauses.summary());
        System.out.println(live.summary());
        System.out.printf(Locale.ROOT, "RESULT index (%,d revisions of %,d units): %.1f µs per event, %.0f ms of "
                + "pauses, %.0f MiB live%n", events, units, cpu.median(), pauses.median(), live.median());
    }

    private static ReportIndex fill(int events, int units, int garbage) {
        ReportIndex index = new ReportIndex();
        int[] revisions = new int[units];
        Clock clock = Clock.systemUTC();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < events; i++) {
            int unit = i % units;
            sink = new byte[garbage];
            Map<String, Long> metrics = new LinkedHashMap<>();
            for (String metric : METRICS) {
                metrics.put(metric, (long) (i % 400));
            }
            Instant now = clock.instant();
            String user = "u-" + unit;
            index.apply(ReportEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                    .setType(ReportEventType.SIGNED_OFF).setReportId("rpt-" + UUID.randomUUID())
                    .setJurisdictionId("demo-county").setUnitId("vil-" + unit).setDate(today)
                    .setRevision(++revisions[unit]).setZeroReport(false).setMetrics(metrics)
                    .setNarrative("routine day " + unit).setFindings(new ArrayList<>()).setSubmittedBy(user)
                    .setSubmittedAt(now).setSignedBy(user).setSignedAt(now).setSigner(Signer.PRINCIPAL)
                    .setLowered(new ArrayList<>()).setAfterCutoff(false).setSourceAddress("127.0.0." + unit % 200)
                    .build());
        }
        return index;
    }

    private static long pausedMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += collector.getCollectionTime();
        }
        return total;
    }
}
