package io.ribao.aggregation.day;

import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import java.util.Map;

/**
 * An alert the state machine raises or resolves for a unit-day. {@code detail} fills the type-specific slot of the
 * message (a sign-off time, a revision number); {@code ruleId} completes the alert id where one day can hold several.
 */
public record AlertChange(AlertType type, AlertState state, String ruleId, String detail, Map<String, String> evidence) {

    public static AlertChange raise(AlertType type, String ruleId, String detail, Map<String, String> evidence) {
        return new AlertChange(type, AlertState.RAISED, ruleId, detail, Map.copyOf(evidence));
    }

    public static AlertChange resolve(AlertType type, Map<String, String> evidence) {
        return new AlertChange(type, AlertState.RESOLVED, null, "", Map.copyOf(evidence));
    }

    public boolean raises() {
        return state == AlertState.RAISED;
    }
}
