package io.ribao.aggregation.stream;

/**
 * Names of the state stores: part of the deployment (changelog topics are named after them). Never rename, except
 * for a store whose value format changes incompatibly: that one gets a new name.
 */
public final class StoreNames {

    /** unitId → Unit, the roster units this task owns (co-partitioned with the reports). */
    public static final String UNITS = "units";
    /** unitId/eventId → a report (wire bytes) that arrived before its unit's roster record; replayed when it comes. */
    public static final String PENDING_REPORTS = "pending-reports";
    /**
     * unitId/date → every open unit-day's status and alert ids, each raised or resolved ({@link UnitDayEntry}: each
     * alert is raised once and resolved once). Was "unit-days" (the status alone) beside "alert-ledger" (the marks)
     * until both became one value (decision 276): the old changelogs cannot be read.
     */
    public static final String UNIT_DAYS = "unit-day-entries";
    /** DeadlineKey → subject: what falls due when. */
    public static final String DEADLINES = "deadlines";
    /** jurisdictionId → the latest day this task has opened. */
    public static final String OPENED_DAYS = "opened-days";
    /**
     * jurisdictionId → the deadline settings this task filed its open days' deadlines with; {@code lockedBefore|}
     * jurisdictionId → the first day not locked under settings a reload has since widened (decision 207).
     */
    public static final String DEADLINE_SETTINGS = "deadline-settings";
    /**
     * "last" → the wall-clock time (epoch ms) of the task's last punctuation that judged unit-days or sent their shares:
     * a new processor notes again the open unit-days changed since (decisions 279, 280).
     */
    public static final String UNIT_DAYS_SETTLED = "unit-days-settled";
    /** unitId → the unit's recent signed figures (UnitHistoryCodec bytes), for the outlier and streak rules. */
    public static final String UNIT_HISTORIES = "unit-histories";
    /** unitId/date → the data-quality alert ids open for the unit-day, one per line. */
    public static final String UNIT_FINDINGS = "unit-findings";
    /**
     * nodeId/date → the node's running totals (NodeTotalsCodec bytes, version 2). Renamed from "rollup-totals" when
     * the value stopped carrying the direct children (decision 260): the old changelog cannot be read.
     */
    public static final String ROLLUP_TOTALS = "rollup-totals-v2";
    /** nodeId/date/sourceUnitId → what that source last contributed to the node (ContributionCodec bytes). */
    public static final String ROLLUP_SOURCES = "rollup-sources";
    /**
     * nodeId/date/task → the subtotal of the node-day last received from the unit-day task of that partition: its
     * unit-days' shares from two or more levels below, summed (NodeTotalsCodec bytes; decision 282).
     */
    public static final String ROLLUP_SUBTOTALS = "rollup-subtotals";
    /** nodeId → the node's roster unit, as carried by its own contributions. */
    public static final String ROLLUP_NODES = "rollup-nodes";
    /** nodeId/date → the cross-level alert ids open for the node, one per line. */
    public static final String NODE_FINDINGS = "node-findings";
    /**
     * nodeId/date → the node-day's alert ids ({@link AlertMarks}), for the alerts of the roll-up task. Renamed from
     * "node-alerts" when the ledgers became one value per day (decision 270).
     */
    public static final String NODE_ALERTS = "node-alert-ledger";
    /** nodeId/date → jurisdictionId: node-days changed since the last punctuation, whose roll-up is due. */
    public static final String ROLLUP_DIRTY = "rollup-dirty";
    /** jurisdictionId|date|kind|key → "": which roll-up entries belong to which day, so old days can be dropped. */
    public static final String ROLLUP_DAYS = "rollup-days";
    /** Global: jurisdictionId → Jurisdiction. */
    public static final String JURISDICTIONS = "jurisdictions";
    /** Global: formId → Form. */
    public static final String FORMS = "forms";
    /** jurisdictionId/date#partition → the part of a day-closed snapshot received from one task. */
    public static final String DAY_CLOSED_PARTS = "day-closed-parts";

    private StoreNames() {
    }
}
