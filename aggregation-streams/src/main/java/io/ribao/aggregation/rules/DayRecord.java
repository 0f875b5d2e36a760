package io.ribao.aggregation.rules;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/** A unit's signed figures on one day, as kept in its {@link UnitHistory}. */
public record DayRecord(LocalDate date, boolean zeroReport, Map<String, Long> metrics) {

    public DayRecord {
        Objects.requireNonNull(date, "date");
        metrics = Map.copyOf(metrics);
    }

    /** The day's value of a metric; a zero report counts every metric as 0, anything else left out is unknown. */
    public OptionalLong value(String metric) {
        Long value = metrics.get(metric);
        if (value != null) {
            return OptionalLong.of(value);
        }
        return zeroReport ? OptionalLong.of(0) : OptionalLong.empty();
    }

    /** The sum of every metric: more than 0 means the unit did something that day. */
    public long activity() {
        long sum = 0;
        for (long value : metrics.values()) {
            sum += value;
        }
        return sum;
    }

    /** A zero report, or a report whose every figure is 0. */
    public boolean isZero() {
        return zeroReport || activity() == 0;
    }
}
