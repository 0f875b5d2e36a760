package io.ribao.roster;

import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Which days a roster unit is expected to report on: from {@code activeFrom} to {@code activeTo}, both included,
 * except the days of a suspension — from {@code suspendedFrom} on, or every day when a suspended unit carries no
 * date (decision 422). One rule for every service, so a day counts the same in ingest, the roll-ups and the board.
 */
public final class UnitCalendar {

    private UnitCalendar() {
    }

    public static boolean activeOn(Unit unit, LocalDate date) {
        return unit != null
                && !suspendedOn(unit, date)
                && !date.isBefore(unit.getActiveFrom())
                && (unit.getActiveTo() == null || !date.isAfter(unit.getActiveTo()));
    }

    /** Whether two records of a unit expect it on the same days. */
    public static boolean sameDays(Unit a, Unit b) {
        return a.getActiveFrom().equals(b.getActiveFrom()) && Objects.equals(a.getActiveTo(), b.getActiveTo())
                && a.getSuspended() == b.getSuspended() && Objects.equals(a.getSuspendedFrom(), b.getSuspendedFrom());
    }

    public static boolean suspendedOn(Unit unit, LocalDate date) {
        return unit.getSuspended() && (unit.getSuspendedFrom() == null || !date.isBefore(unit.getSuspendedFrom()));
    }
}
