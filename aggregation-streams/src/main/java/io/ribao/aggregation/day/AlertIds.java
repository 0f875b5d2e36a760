package io.ribao.aggregation.day;

import io.ribao.schemas.alert.AlertType;
import java.time.LocalDate;

/** The deterministic alert id {@code TYPE:unitId:date[:rule]}: the same cause always yields the same id. */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(AlertType type, String unitId, LocalDate date, String ruleId) {
        String id = type + ":" + unitId + ":" + date;
        return ruleId == null || ruleId.isEmpty() ? id : id + ":" + ruleId;
    }
}
