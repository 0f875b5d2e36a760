package io.ribao.bench.deadline;

import io.ribao.bench.fixture.BenchRoster;
import io.ribao.bench.kafka.AlertCounter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A smaller jurisdiction whose submission deadline falls before the measured one, so the measured burst meets a JVM
 * that has already been through a deadline — compiled the {@code MISSING} path — as on every day after the first.
 * Its units' ids start with {@link #PREFIX}, and their alerts are counted apart ({@link #label}).
 */
record Rehearsal(BenchRoster roster, Instant deadline) {

    static final String PREFIX = "r-";
    private static final String JURISDICTION = "bench-rehearsal";
    private static final String LABEL = "rehearsal ";

    static Rehearsal of(int units, Instant reminder, Instant deadline, ZoneId zone, LocalDate activeFrom) {
        BenchRoster.Deadlines deadlines = BenchRoster.Deadlines.at(zone, reminder, deadline, Duration.ofHours(1));
        return new Rehearsal(BenchRoster.generate(JURISDICTION, PREFIX, units, deadlines, activeFrom), deadline);
    }

    /** The alert's type, prefixed with "rehearsal " for a rehearsal unit's alert. */
    static String label(String alertKey) {
        return (AlertCounter.unitOf(alertKey).startsWith(PREFIX) ? LABEL : "") + AlertCounter.typeOf(alertKey);
    }

    static String labelOf(String type) {
        return LABEL + type;
    }

    int units() {
        return roster.units().size();
    }
}
