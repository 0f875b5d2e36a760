package io.ribao.aggregation.stream;

import io.ribao.schemas.status.UnitDayStatus;
import java.util.Objects;

/**
 * A unit-day as its task stores it: the status, the status's wire bytes (as its sink writes them, serialised once per
 * status), and the unit-day's alert marks ({@link AlertMarks}, encoded; empty when none). One value, so a deadline's
 * new status and the alerts it settles are one store write and one changelog record (decision 276). Immutable; the
 * bytes are never changed in place.
 */
public final class UnitDayEntry {

    private final UnitDayStatus status;
    private final byte[] statusBytes;
    private final String alertMarks;

    UnitDayEntry(UnitDayStatus status, byte[] statusBytes, String alertMarks) {
        this.status = Objects.requireNonNull(status, "status");
        this.statusBytes = Objects.requireNonNull(statusBytes, "statusBytes");
        this.alertMarks = Objects.requireNonNull(alertMarks, "alertMarks");
    }

    UnitDayStatus status() {
        return status;
    }

    byte[] statusBytes() {
        return statusBytes;
    }

    String alertMarks() {
        return alertMarks;
    }

    UnitDayEntry withStatus(UnitDayStatus next, byte[] nextBytes) {
        return new UnitDayEntry(next, nextBytes, alertMarks);
    }

    UnitDayEntry withAlertMarks(String marks) {
        return new UnitDayEntry(status, statusBytes, marks);
    }
}
