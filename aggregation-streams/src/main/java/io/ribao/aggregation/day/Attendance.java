package io.ribao.aggregation.day;

import io.ribao.roster.UnitCalendar;
import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;

/** Whether a unit is expected to report on a day: active that day (both ends inclusive) and not suspended that day. */
public final class Attendance {

    private Attendance() {
    }

    public static boolean expected(Unit unit, LocalDate date) {
        return UnitCalendar.activeOn(unit, date);
    }
}
