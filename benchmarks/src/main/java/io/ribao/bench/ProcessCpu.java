package io.ribao.bench;

import java.lang.management.ManagementFactory;

/** CPU time consumed by this JVM so far, all threads (the HotSpot extension of the OS MXBean). */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    public static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
