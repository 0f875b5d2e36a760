package io.ribao.aggregation.rules;

import java.util.Arrays;
import java.util.Collection;

/**
 * How far a value lies from the median of a history, in robust standard deviations (Iglewicz and Hoaglin):
 * {@code 0.6745·(x − median) / MAD}, where MAD is the median absolute deviation from the median.
 *
 * <p>When more than half the history is one value, MAD is 0 and the score is undefined. Then the scale falls back to
 * {@code 1.253314·meanAD} (the mean absolute deviation, the usual substitute); when the history is constant even that
 * is 0, and the scale becomes a tenth of the median (at least 1), so a steady 100 a day that falls to 64 scores
 * −3.6 and a small wobble does not.
 *
 * @param scale what {@code x − median} is divided by
 */
public record ModifiedZScore(double median, double mad, double meanAbsoluteDeviation, double scale, double score) {

    static final double MAD_CONSTANT = 0.6745;
    static final double MEAN_AD_CONSTANT = 1.253314;
    static final double CONSTANT_HISTORY_DIVISOR = 10;

    public static ModifiedZScore of(long value, Collection<Long> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a modified z-score needs at least one past value");
        }
        double[] past = new double[history.size()];
        int i = 0;
        for (long day : history) {
            past[i++] = day;
        }
        double median = median(past);
        // whole numbers and halves: the sum of the deviations is exact, in any order
        double[] deviations = new double[past.length];
        double sum = 0;
        for (int j = 0; j < past.length; j++) {
            deviations[j] = Math.abs(past[j] - median);
            sum += deviations[j];
        }
        double mad = median(deviations);
        double meanAd = sum / past.length;
        if (mad > 0) {
            return new ModifiedZScore(median, mad, meanAd, mad / MAD_CONSTANT, MAD_CONSTANT * (value - median) / mad);
        }
        double scale = meanAd > 0
                ? MEAN_AD_CONSTANT * meanAd
                : Math.max(1, Math.abs(median) / CONSTANT_HISTORY_DIVISOR);
        return new ModifiedZScore(median, mad, meanAd, scale, (value - median) / scale);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
