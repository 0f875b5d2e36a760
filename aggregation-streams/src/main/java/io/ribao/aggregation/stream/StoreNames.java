package io.ribao.aggregation.stream;

/** Names of the state stores: part of the deployment (changelog topics are named after them). Never rename. */
public final class StoreNames {

    /** unitId → Unit, the roster units this task owns (co-partitioned with the reports). */
    public static final String UNITS = "units";
    /** unitId/date → UnitDayStatus of every open unit-day. */
    public static final String UNIT_DAYS = "unit-days";
    /** DeadlineKey → subject: what falls due when. */
    public static final String DEADLINES = "deadlines";
    /** jurisdictionId → the latest day this task has opened. */
    public static final String OPENED_DAYS = "opened-days";
    /** unitId/date|alertId → RAISED or RESOLVED: each alert is raised once and resolved once. */
    public static final String ALERTS = "raised-alerts";
    /** Global: jurisdictionId → Jurisdiction. */
    public static final String JURISDICTIONS = "jurisdictions";
    /** Global: formId → Form. */
    public static final String FORMS = "forms";
    /** jurisdictionId/date#partition → the part of a day-closed snapshot received from one task. */
    public static final String DAY_CLOSED_PARTS = "day-closed-parts";

    private StoreNames() {
    }
}
