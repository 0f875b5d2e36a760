package io.ribao.bulletin.projection;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What one committed batch changed, handed to listeners after the commit (never before). */
public final class Applied {

    /** A jurisdiction's day whose every part has now been closed by the Streams app. */
    public record ClosedDay(String jurisdictionId, LocalDate date) {
    }

    private final List<UnitDayStatus> statuses = new ArrayList<>();
    private final List<AlertEvent> alerts = new ArrayList<>();
    private final List<ClosedDay> closedDays = new ArrayList<>();
    private boolean rosterChanged;
    private Applied elsewhere;

    void status(UnitDayStatus status) {
        statuses.add(status);
    }

    void alert(AlertEvent alert) {
        alerts.add(alert);
    }

    void closedDay(ClosedDay day) {
        closedDays.add(day);
    }

    void rosterChanged() {
        rosterChanged = true;
    }

    public List<UnitDayStatus> statuses() {
        return List.copyOf(statuses);
    }

    public List<AlertEvent> alerts() {
        return List.copyOf(alerts);
    }

    public List<ClosedDay> closedDays() {
        return List.copyOf(closedDays);
    }

    public boolean isRosterChanged() {
        return rosterChanged;
    }

    /** The statuses and alerts of the batch that another replica had applied (this one skipped them). */
    public Applied elsewhere() {
        if (elsewhere == null) {
            elsewhere = new Applied();
        }
        return elsewhere;
    }

    public boolean isEmpty() {
        return statuses.isEmpty() && alerts.isEmpty() && closedDays.isEmpty() && !rosterChanged;
    }
}
