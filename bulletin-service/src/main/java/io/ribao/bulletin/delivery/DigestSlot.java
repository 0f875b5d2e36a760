package io.ribao.bulletin.delivery;

import io.ribao.schemas.alert.AlertType;

/**
 * The deadline an alert type belongs to: alerts of one recipient, one day and one slot leave as one digest, so 50
 * missing checkpoints at 16:30 make one message, not 50. Alerts not tied to a deadline share the "event" slot.
 */
public enum DigestSlot {
    REMINDER, SUBMISSION, BULLETIN, EVENT;

    public static DigestSlot of(AlertType type) {
        return switch (type) {
            case DUE_SOON -> REMINDER;
            case MISSING, UNSIGNED -> SUBMISSION;
            case STILL_MISSING -> BULLETIN;
            default -> EVENT;
        };
    }

    public static String key(String recipientId, java.time.LocalDate day, AlertType type) {
        return recipientId + "|" + day + "|" + of(type).name();
    }
}
