package io.ribao.bench.ingest;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** One load run against one endpoint: answers by kind and the latency histogram (microseconds) of the accepted. */
public record LoadResult(String endpoint, double seconds, long accepted, long rejected, long failed,
                         Histogram latencyMicros) {

    public double acceptedPerSecond() {
        return accepted / seconds;
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s: %.0f accepted/s over %.1f s (accepted %d, other status %d, failed %d); "
                        + "latency ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f", endpoint, acceptedPerSecond(), seconds,
                accepted, rejected, failed, percentileMillis(50), percentileMillis(99), percentileMillis(99.9),
                latencyMicros.getMaxValue() / 1000.0);
    }
}
