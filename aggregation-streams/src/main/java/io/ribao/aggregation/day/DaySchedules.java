package io.ribao.aggregation.day;

import io.ribao.schemas.roster.Jurisdiction;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Day schedules remembered per deadline settings and date: every report needs its day's schedule, and parsing the
 * zone and three times for each one showed in the profile. Not thread-safe: one per stream task.
 */
public final class DaySchedules {

    private static final int MAX_ENTRIES = 1024;

    private record Key(DeadlineSettings settings, LocalDate date) {
    }

    private final Map<Key, DaySchedule> schedules = new HashMap<>();

    public DaySchedule of(Jurisdiction jurisdiction, LocalDate date) {
        Key key = new Key(DeadlineSettings.of(jurisdiction), date);
        DaySchedule schedule = schedules.get(key);
        if (schedule == null) {
            if (schedules.size() >= MAX_ENTRIES) {
                schedules.clear();
            }
            schedule = DaySchedule.of(key.settings(), date);
            schedules.put(key, schedule);
        }
        return schedule;
    }
}
