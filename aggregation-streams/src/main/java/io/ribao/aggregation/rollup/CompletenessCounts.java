package io.ribao.aggregation.rollup;

import io.ribao.schemas.rollup.Completeness;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;

/** Completeness counts of one unit-day or of a whole subtree. */
public record CompletenessCounts(int expected, int onTime, int late, int missing, int pendingSignoff,
                                 int unsigned, int zeroReports) {

    public static final CompletenessCounts NONE = new CompletenessCounts(0, 0, 0, 0, 0, 0, 0);

    /** The counts one unit-day adds: every state is expected; a zero report counts only once it is signed. */
    public static CompletenessCounts of(UnitDayStatus status) {
        UnitDayState state = status.getState();
        boolean signed = state == UnitDayState.ON_TIME || state == UnitDayState.LATE;
        return new CompletenessCounts(
                1,
                state == UnitDayState.ON_TIME ? 1 : 0,
                state == UnitDayState.LATE ? 1 : 0,
                state == UnitDayState.MISSING ? 1 : 0,
                state == UnitDayState.PENDING_SIGNOFF ? 1 : 0,
                status.getUnsigned() ? 1 : 0,
                signed && status.getZeroReport() ? 1 : 0);
    }

    public CompletenessCounts plus(CompletenessCounts other) {
        return new CompletenessCounts(expected + other.expected, onTime + other.onTime, late + other.late,
                missing + other.missing, pendingSignoff + other.pendingSignoff, unsigned + other.unsigned,
                zeroReports + other.zeroReports);
    }

    public CompletenessCounts minus(CompletenessCounts other) {
        return new CompletenessCounts(expected - other.expected, onTime - other.onTime, late - other.late,
                missing - other.missing, pendingSignoff - other.pendingSignoff, unsigned - other.unsigned,
                zeroReports - other.zeroReports);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public Completeness toAvro() {
        return Completeness.newBuilder()
                .setExpected(expected).setOnTime(onTime).setLate(late).setMissing(missing)
                .setPendingSignoff(pendingSignoff).setUnsigned(unsigned).setZeroReports(zeroReports)
                .build();
    }
}
