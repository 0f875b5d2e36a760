package io.ribao.bulletin.document;

/**
 * 一、总体情况: how many units were expected to report and how they did. Rates are percentages of the expected
 * units, rounded to one decimal, and are carried as data so every format shows the same figure.
 */
public record Overview(int expected, int onTime, int late, int missing, int pending, int unsigned,
                       int zeroReports, int delegateSigned, double reportedRate, double onTimeRate) {

    public static Overview of(int expected, int onTime, int late, int missing, int pending, int unsigned,
                              int zeroReports, int delegateSigned) {
        return new Overview(expected, onTime, late, missing, pending, unsigned, zeroReports, delegateSigned,
                percent(onTime + late, expected), percent(onTime, expected));
    }

    static double percent(int part, int whole) {
        if (whole == 0) {
            return 0.0;
        }
        return Math.round(part * 1000.0 / whole) / 10.0;
    }
}
