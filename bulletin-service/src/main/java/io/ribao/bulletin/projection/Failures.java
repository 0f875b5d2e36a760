package io.ribao.bulletin.projection;

import java.sql.SQLException;

/**
 * The one place that decides whether a failure belongs to the record (dead-letter it and go on) or to the
 * infrastructure (roll back, retry the batch, never skip data).
 */
public final class Failures {

    private Failures() {
    }

    public static boolean isRecordsFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnappliableRecord) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String sqlClass = sql.getSQLState().substring(0, Math.min(2, sql.getSQLState().length()));
                // 22 data exception (e.g. a value out of range), 23 integrity constraint violation
                return sqlClass.equals("22") || sqlClass.equals("23");
            }
        }
        return false;
    }
}
