package io.ribao.bulletin.document;

import java.util.Map;

/**
 * One unit's line in a table: its status on the day (EXPECTED, PENDING_SIGNOFF, ON_TIME, LATE, MISSING), who signed
 * (PRINCIPAL or DELEGATE, null when unsigned), whether it was a zero report, and its figures by metric code.
 */
public record UnitRow(String unitId, String name, String status, String signer, boolean zeroReport,
                      Map<String, Long> metrics) {

    public UnitRow {
        metrics = Map.copyOf(metrics);
    }
}
