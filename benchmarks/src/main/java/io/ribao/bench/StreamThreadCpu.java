package io.ribao.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the Kafka Streams stream threads alive in this JVM (threads named {@code <app id>-<uuid>-StreamThread-N},
 * not their producers' network threads): what a topology costs per record, less sensitive than records per second to a
 * machine whose pace changes from one run to the next.
 */
public final class StreamThreadCpu {

    private StreamThreadCpu() {
    }

    /** Every stream thread's CPU so far. */
    public static long nanos() {
        return nanos("");
    }

    /** The CPU so far of the stream threads of applications whose id starts with {@code applicationIdPrefix}. */
    public static long nanos(String applicationIdPrefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(applicationIdPrefix)
                    && info.getThreadName().matches(".*-StreamThread-\\d+")) {
                cpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }
}
