package io.ribao.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The figures of repeated runs of one measurement; the median is what docs/benchmarks.md reports. */
public final class Samples {

    private final String name;
    private final String unit;
    private final List<Double> values = new ArrayList<>();

    public Samples(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    public void add(double value) {
        values.add(value);
    }

    public double median() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no samples of " + name);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public List<Double> values() {
        return List.copyOf(values);
    }

    /** One line: name, median and every run, e.g. {@code pass-through: median 41234.0 records/s (runs: …)}. */
    public String summary() {
        StringBuilder runs = new StringBuilder();
        for (double v : values) {
            runs.append(runs.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", v));
        }
        return String.format(Locale.ROOT, "%s: median %.1f %s (runs: %s)", name, median(), unit, runs);
    }
}
