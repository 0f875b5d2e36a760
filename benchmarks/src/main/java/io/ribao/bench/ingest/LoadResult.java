package io.ribao.bench.ingest;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One load run against one endpoint: answers by kind, the latency histogram (microseconds) of the accepted, and the
 * CPU time this whole process (load generator, service and broker) spent during the measured window, in all and by
 * part ({@link CpuByPart}; the rest is GC and the JIT). CPU per answer is the figure that other load on the machine
 * disturbs least.
 */
public record LoadResult(String endpoint, double seconds, long accepted, long rejected, long failed,
                         Histogram latencyMicros, long cpuNanos, Map<CpuByPart.Part, Long> cpuNanosByPart) {

    public double cpuMicrosPerAnswer() {
        long answers = accepted + rejected;   // failed = not sent or not answered
        return answers == 0 ? 0 : cpuNanos / 1_000.0 / answers;
    }

    /** CPU µs per answer by part, and "rest" for what no Java thread of the window accounts for. */
    public String cpuByPart() {
        long answers = Math.max(1, accepted + rejected);
        long parts = cpuNanosByPart.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder text = new StringBuilder();
        cpuNanosByPart.forEach((part, nanos) -> text.append(part.name().toLowerCase(Locale.ROOT)).append(' ')
                .append(Math.round(nanos / 1_000.0 / answers)).append(", "));
        return text.append("rest ").append(Math.round(Math.max(0, cpuNanos - parts) / 1_000.0 / answers)).toString();
    }

    public double acceptedPerSecond() {
        return accepted / seconds;
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s: %.0f accepted/s over %.1f s (accepted %d, other status %d, failed %d); "
                        + "latency ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f; process CPU %.0f µs per answer (%s)",
                endpoint, acceptedPerSecond(), seconds, accepted, rejected, failed, percentileMillis(50),
                percentileMillis(99), percentileMillis(99.9), latencyMicros.getMaxValue() / 1000.0, cpuMicrosPerAnswer(),
                cpuByPart());
    }
}
