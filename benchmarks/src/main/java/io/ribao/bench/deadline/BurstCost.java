package io.ribao.bench.deadline;

import io.ribao.bench.ProcessCpu;
import io.ribao.bench.StreamThreadCpu;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What the JVM spent between two moments of the burst: CPU of every thread, CPU of the Kafka Streams stream threads,
 * and time in collector pauses. Less sensitive than the wall clock to a machine that lends its cores to others, and it
 * tells the stream thread's work from the broker's and the collector's.
 *
 * @param processCpuNanos       every thread of this JVM (app, broker, alert counter, JIT, collector)
 * @param streamThreadCpuNanos  the threads named {@code …-StreamThread-N} (not their producers' network threads)
 * @param gcPauseMillis         the collectors' accumulated collection time
 */
record BurstCost(long processCpuNanos, long streamThreadCpuNanos, long gcPauseMillis) {

    static BurstCost now() {
        long gc = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        return new BurstCost(ProcessCpu.nanos(), StreamThreadCpu.nanos(), gc);
    }

    BurstCost since(BurstCost start) {
        return new BurstCost(processCpuNanos - start.processCpuNanos, streamThreadCpuNanos - start.streamThreadCpuNanos,
                gcPauseMillis - start.gcPauseMillis);
    }

    String describe(int units) {
        return String.format(Locale.ROOT, "process CPU %.2f s (%.0f µs per unit), stream threads %.2f s (%.0f µs per "
                        + "unit), collector pauses %d ms", processCpuNanos / 1e9, processCpuNanos / 1e3 / units,
                streamThreadCpuNanos / 1e9, streamThreadCpuNanos / 1e3 / units, gcPauseMillis);
    }
}
