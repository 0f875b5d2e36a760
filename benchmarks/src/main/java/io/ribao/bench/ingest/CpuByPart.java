package io.ribao.bench.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process's Java threads by part — the service's request threads, its Kafka clients (producers,
 * report log, roster views), the broker, the load generator — so the ingest
 * benchmark can say where a report's CPU goes when all three share the machine. What the Java threads do not account
 * for (garbage collection, the JIT, threads that ended within the window) is the rest of the process's CPU.
 */
final class CpuByPart {

    enum Part { REQUESTS, CLIENTS, BROKER, GENERATOR }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuByPart() {
    }

    /** Which part a thread belongs to, by its name. */
    static Part of(String threadName) {
        if (threadName.equals("load-generator") || threadName.startsWith("HttpClient-")) {
            return Part.GENERATOR;   // the load generator's selector loop (and the JDK HttpClient of the first check)
        }
        if (threadName.startsWith("dw-") || threadName.startsWith("ingest-answers-")) {
            return Part.REQUESTS;    // Jetty's request threads (HTTP, auth, JSON, validation, Avro, the producer's send)
                                     // and the threads answering acknowledged writes
        }
        if (threadName.contains("report-ingest") || threadName.equals("report-log")
                || threadName.startsWith("view-ribao.") || threadName.startsWith("schema-registry")) {
            return Part.CLIENTS;     // the producers' network threads, the report log, the roster views
        }
        return Part.BROKER;          // the in-process KRaft node: network, request handlers, log, raft, reapers
    }

    /** CPU nanoseconds of every live thread, by thread id. */
    static Map<Long, Long> snapshot() {
        Map<Long, Long> nanos = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                nanos.put(id, cpu);
            }
        }
        return nanos;
    }

    /** CPU nanoseconds spent by each part since {@code start} (a thread born since then counts from zero). */
    static Map<Part, Long> since(Map<Long, Long> start) {
        Map<Part, Long> byPart = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            byPart.put(part, 0L);
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                long delta = cpu - start.getOrDefault(info.getThreadId(), 0L);
                byPart.merge(of(info.getThreadName()), Math.max(0, delta), Long::sum);
            }
        }
        return byPart;
    }
}
