package io.ribao.bulletin.api;

import java.util.List;

/** {@code GET /api/v1/days/{date}/status}: the counts and every unit the caller may see. */
public record DayStatus(String date, int expected, int onTime, int late, int missing, int pendingSignoff,
                        List<UnitStatus> units) {
}
