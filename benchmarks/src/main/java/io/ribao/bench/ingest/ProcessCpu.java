package io.ribao.bench.ingest;

import java.lang.management.ManagementFactory;

/** CPU time consumed by this JVM so far, all threads (the HotSpot extension of the OS MXBean). */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
