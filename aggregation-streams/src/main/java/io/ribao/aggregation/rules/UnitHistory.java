package io.ribao.aggregation.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The last {@code days} days of one unit's signed figures, oldest first: what the outlier and zero-streak rules
 * compare a new report with. Immutable; {@link #record} returns the next history. Bounded by date, so a unit that
 * stops reporting keeps no more than {@code days} days of it.
 */
public final class UnitHistory {

    /** Four weeks: a 7-day median plus a long zero streak with the activity before it. */
    public static final int DEFAULT_DAYS = 28;

    private final int days;
    private final TreeMap<LocalDate, DayRecord> byDate;

    private UnitHistory(int days, TreeMap<LocalDate, DayRecord> byDate) {
        if (days < 1) {
            throw new IllegalArgumentException("a history keeps at least 1 day, not " + days);
        }
        this.days = days;
        this.byDate = byDate;
    }

    public static UnitHistory empty() {
        return empty(DEFAULT_DAYS);
    }

    public static UnitHistory empty(int days) {
        return new UnitHistory(days, new TreeMap<>());
    }

    static UnitHistory of(int days, List<DayRecord> records) {
        TreeMap<LocalDate, DayRecord> byDate = new TreeMap<>();
        records.forEach(r -> byDate.put(r.date(), r));
        return new UnitHistory(days, byDate);
    }

    /** The history with this day's signed figures, replacing an earlier revision of the same day. */
    public UnitHistory record(LocalDate date, boolean zeroReport, Map<String, Long> metrics) {
        TreeMap<LocalDate, DayRecord> next = new TreeMap<>(byDate);
        next.put(date, new DayRecord(date, zeroReport, metrics));
        LocalDate oldestKept = next.lastKey().minusDays(days - 1L);
        next.headMap(oldestKept, false).clear();
        return new UnitHistory(days, next);
    }

    public int days() {
        return days;
    }

    /** Every record kept, oldest first. */
    public List<DayRecord> records() {
        return List.copyOf(byDate.values());
    }

    public Optional<DayRecord> on(LocalDate date) {
        return Optional.ofNullable(byDate.get(date));
    }

    /** The records of the {@code count} days before {@code date} (not including it), oldest first. */
    public List<DayRecord> before(LocalDate date, int count) {
        return List.copyOf(byDate.subMap(date.minusDays(count), true, date, false).values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitHistory that && days == that.days && byDate.equals(that.byDate);
    }

    @Override
    public int hashCode() {
        return 31 * days + byDate.hashCode();
    }

    @Override
    public String toString() {
        return "UnitHistory" + byDate.values();
    }
}
