package io.ribao.aggregation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny independent model of DESIGN.md §4, written from the table, not from the production classes: which state
 * each unit-day ends in and which alert ids are raised and resolved, given the order in which the app sees the clock
 * and the reports. Deadlines 15:30 / 16:30 / 18:00, lock at the start of D + 4 (amendDays 3).
 */
final class DeadlineOracle {

    private static final LocalTime REMINDER = LocalTime.of(15, 30);
    private static final LocalTime SUBMISSION = LocalTime.of(16, 30);
    private static final LocalTime BULLETIN = LocalTime.of(18, 0);
    private static final int AMEND_DAYS = 3;

    private final ZoneId zone;
    private final List<String> units;
    private final Map<String, Day> days = new HashMap<>();
    private final Set<String> raised = new LinkedHashSet<>();
    private final Set<String> resolved = new LinkedHashSet<>();
    private final Set<String> fired = new HashSet<>();
    private LocalDate lastOpened;

    private static final class Day {
        final String unit;
        final LocalDate date;
        String state = "EXPECTED";
        int lastRevision;
        int signedRevision;
        Instant firstSignedAt;
        boolean locked;

        Day(String unit, LocalDate date) {
            this.unit = unit;
            this.date = date;
        }
    }

    private record Due(Instant at, int order, String unit, LocalDate date) {
    }

    DeadlineOracle(ZoneId zone, List<String> units) {
        this.zone = zone;
        this.units = units;
    }

    Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    /** The wall clock reached {@code now}: open the days that began, then fire what fell due, in time order. */
    void clock(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate from = lastOpened == null ? today : lastOpened.plusDays(1);
        if (from.isBefore(today.minusDays(AMEND_DAYS))) {
            from = today.minusDays(AMEND_DAYS);
        }
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            for (String unit : units) {
                days.putIfAbsent(key(unit, d), new Day(unit, d));
            }
        }
        if (lastOpened == null || today.isAfter(lastOpened)) {
            lastOpened = today;
        }
        List<Due> due = new ArrayList<>();
        for (Day day : days.values()) {
            List<Instant> moments = List.of(at(day.date, REMINDER), at(day.date, SUBMISSION), at(day.date, BULLETIN),
                    day.date.plusDays(AMEND_DAYS + 1).atStartOfDay(zone).toInstant());
            for (int order = 0; order < moments.size(); order++) {
                if (!moments.get(order).isAfter(now) && !fired.contains(key(day.unit, day.date) + "#" + order)) {
                    due.add(new Due(moments.get(order), order, day.unit, day.date));
                }
            }
        }
        due.sort(Comparator.comparing(Due::at).thenComparing(Due::order));
        for (Due d : due) {
            fired.add(key(d.unit, d.date) + "#" + d.order);
            Day day = days.get(key(d.unit, d.date));
            if (day.locked) {
                continue;
            }
            boolean signed = day.signedRevision > 0;
            switch (d.order) {
                case 0 -> {
                    if (!signed) {
                        raise("DUE_SOON", day, null);
                    }
                }
                case 1 -> {
                    if (!signed) {
                        day.state = "MISSING";
                        raise(day.lastRevision > 0 ? "UNSIGNED" : "MISSING", day, null);
                        resolve("DUE_SOON", day);
                    }
                }
                case 2 -> {
                    if (!signed) {
                        raise("STILL_MISSING", day, null);
                    }
                }
                default -> day.locked = true;
            }
        }
    }

    /** A report revision reaches the app at {@code now}; {@code signedAt} null for a draft. */
    void report(String unit, LocalDate date, int revision, Instant signedAt, Instant now) {
        Day day = days.get(key(unit, date));
        if (day == null || day.locked || !now.isBefore(date.plusDays(AMEND_DAYS + 1).atStartOfDay(zone).toInstant())) {
            return;
        }
        if (signedAt == null) {
            if (revision > day.lastRevision) {
                day.lastRevision = revision;
                if (day.state.equals("EXPECTED")) {
                    day.state = "PENDING_SIGNOFF";
                }
            }
            return;
        }
        if (revision <= day.signedRevision) {
            return;
        }
        day.lastRevision = Math.max(day.lastRevision, revision);
        boolean afterDeadline = signedAt.isAfter(at(date, SUBMISSION));
        if (day.signedRevision == 0) {
            day.firstSignedAt = signedAt;
            day.state = afterDeadline ? "LATE" : "ON_TIME";
            if (afterDeadline) {
                raise("LATE", day, null);
            }
            for (String type : List.of("DUE_SOON", "MISSING", "UNSIGNED", "STILL_MISSING")) {
                resolve(type, day);
            }
        } else if (afterDeadline) {
            raise("REVISED_AFTER_DEADLINE", day, "revision-" + revision);
        }
        day.signedRevision = revision;
    }

    String state(String unit, LocalDate date) {
        Day day = days.get(key(unit, date));
        return day == null ? null : day.state;
    }

    int signedRevision(String unit, LocalDate date) {
        return days.get(key(unit, date)).signedRevision;
    }

    Set<String> dayKeys() {
        return days.keySet();
    }

    Set<String> raised() {
        return raised;
    }

    Set<String> resolved() {
        return resolved;
    }

    boolean open(String unit, LocalDate date, Instant now) {
        Day day = days.get(key(unit, date));
        return day != null && !day.locked && now.isBefore(date.plusDays(AMEND_DAYS + 1).atStartOfDay(zone).toInstant());
    }

    int lastRevision(String unit, LocalDate date) {
        return days.get(key(unit, date)).lastRevision;
    }

    private void raise(String type, Day day, String rule) {
        raised.add(type + ":" + day.unit + ":" + day.date + (rule == null ? "" : ":" + rule));
    }

    private void resolve(String type, Day day) {
        String id = type + ":" + day.unit + ":" + day.date;
        if (raised.contains(id)) {
            resolved.add(id);
        }
    }

    static String key(String unit, LocalDate date) {
        return unit + "/" + date;
    }
}
