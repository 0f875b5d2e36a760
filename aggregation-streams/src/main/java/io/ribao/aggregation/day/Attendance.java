package io.ribao.aggregation.day;

import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;

/** Whether a unit is expected to report on a day: active that day (both ends inclusive) and not suspended. */
public final class Attendance {

    private Attendance() {
    }

    public static boolean expected(Unit unit, LocalDate date) {
        if (unit == null || unit.getSuspended()) {
            return false;
        }
        if (date.isBefore(unit.getActiveFrom())) {
            return false;
        }
        return unit.getActiveTo() == null || !date.isAfter(unit.getActiveTo());
    }
}
