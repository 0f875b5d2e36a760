package io.ribao.bench.streams;

import java.util.ArrayList;
import java.util.List;

/**
 * Records per second over each fifth of a run's steady window, from the committed progress sampled while it ran: shows
 * whether a run went at one pace or ramped up (a production run's first fifth is the slowest while the JIT and the
 * broker catch up with its code paths; the twentieth session). A fifth is read from the first sample at or past its
 * mark, so its rate is as fine as the sampling.
 */
final class ProgressByFifths {

    private final List<long[]> samples = new ArrayList<>();

    /** A sample: the group's committed count of input records at {@code nanos} (System.nanoTime). */
    void sample(long nanos, long committed) {
        samples.add(new long[] {nanos, committed});
    }

    /** Thousands of records per second over each fifth of the records from the first sample to {@code end}. */
    List<Long> thousandsPerSecond(long end) {
        List<Long> rates = new ArrayList<>(5);
        if (samples.isEmpty()) {
            return rates;
        }
        long[] previous = samples.get(0);
        long first = previous[1];
        int next = 0;
        for (int fifth = 1; fifth <= 5; fifth++) {
            long mark = first + (end - first) * fifth / 5;
            while (next < samples.size() && samples.get(next)[1] < mark) {
                next++;
            }
            if (next == samples.size()) {
                break;
            }
            long[] at = samples.get(next);
            double seconds = (at[0] - previous[0]) / 1e9;
            rates.add(seconds > 0 ? Math.round((at[1] - previous[1]) / seconds / 1000) : 0L);
            previous = at;
        }
        return rates;
    }
}
