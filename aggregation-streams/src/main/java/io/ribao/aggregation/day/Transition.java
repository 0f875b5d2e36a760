package io.ribao.aggregation.day;

import io.ribao.schemas.status.UnitDayStatus;
import java.util.List;

/** What one input did to a unit-day: its new status (null when unchanged) and the alerts raised or resolved. */
public record Transition(UnitDayStatus status, List<AlertChange> alerts) {

    public static final Transition NONE = new Transition(null, List.of());

    public Transition {
        alerts = List.copyOf(alerts);
    }

    public boolean changed() {
        return status != null;
    }
}
