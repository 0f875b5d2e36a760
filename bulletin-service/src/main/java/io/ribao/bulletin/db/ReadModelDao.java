package io.ribao.bulletin.db;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Idempotent upserts of the read models: applying the same record twice leaves the same rows. Values come already
 * flattened into {@link ReadModelRows} records.
 */
public interface ReadModelDao {

    @SqlUpdate("""
            INSERT INTO jurisdictions (jurisdiction_id, name, timezone, office, bulletin_recipient_ids,
                                       office_user_ids, upstream, raw)
            VALUES (:id, :name, :timezone, :office, :bulletinRecipientIds, :officeUserIds,
                    cast(:upstreamJson as jsonb), cast(:rawJson as jsonb))
            ON CONFLICT (jurisdiction_id) DO UPDATE SET name = excluded.name, timezone = excluded.timezone,
                office = excluded.office, bulletin_recipient_ids = excluded.bulletin_recipient_ids,
                office_user_ids = excluded.office_user_ids, upstream = excluded.upstream, raw = excluded.raw
            """)
    void upsertJurisdiction(@BindMethods ReadModelRows.JurisdictionRow row);

    @SqlUpdate("DELETE FROM jurisdictions WHERE jurisdiction_id = :id")
    void deleteJurisdiction(@Bind("id") String id);

    @SqlUpdate("""
            INSERT INTO units (unit_id, jurisdiction_id, name, kind, parent_id, principal_id, supervisor_ids,
                               active_from, active_to, suspended, suspended_from, ancestor_ids)
            VALUES (:id, :jurisdictionId, :name, :kind, :parentId, :principalId, :supervisorIds,
                    :activeFrom, :activeTo, :suspended, :suspendedFrom, :ancestorIds)
            ON CONFLICT (unit_id) DO UPDATE SET jurisdiction_id = excluded.jurisdiction_id, name = excluded.name,
                kind = excluded.kind, parent_id = excluded.parent_id, principal_id = excluded.principal_id,
                supervisor_ids = excluded.supervisor_ids, active_from = excluded.active_from,
                active_to = excluded.active_to, suspended = excluded.suspended,
                suspended_from = excluded.suspended_from, ancestor_ids = excluded.ancestor_ids
            """)
    void upsertUnit(@BindMethods ReadModelRows.UnitRow row);

    @SqlUpdate("DELETE FROM units WHERE unit_id = :id")
    void deleteUnit(@Bind("id") String id);

    /** A form published again replaces all its metrics, so one that lost a metric loses its row too. */
    default void replaceForm(String formId, List<ReadModelRows.FormMetricRow> metrics) {
        deleteForm(formId);
        metrics.forEach(this::insertFormMetric);
    }

    @SqlUpdate("INSERT INTO form_metrics (form_id, position, code, name) VALUES (:formId, :position, :code, :name)")
    void insertFormMetric(@BindMethods ReadModelRows.FormMetricRow row);

    @SqlUpdate("DELETE FROM form_metrics WHERE form_id = :id")
    void deleteForm(@Bind("id") String id);

    @SqlUpdate("""
            INSERT INTO users (user_id, name, role, unit_id, jurisdiction_id, channels)
            VALUES (:id, :name, :role, :unitId, :jurisdictionId, cast(:channelsJson as jsonb))
            ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, role = excluded.role,
                unit_id = excluded.unit_id, jurisdiction_id = excluded.jurisdiction_id, channels = excluded.channels
            """)
    void upsertUser(@BindMethods ReadModelRows.UserRow row);

    @SqlUpdate("DELETE FROM users WHERE user_id = :id")
    void deleteUser(@Bind("id") String id);

    /** A compacted topic may replay an older value after a newer one was applied from elsewhere: newest wins. */
    @SqlUpdate("""
            INSERT INTO unit_day_status (unit_id, day, jurisdiction_id, state, report_id, revision, signed_revision,
                zero_report, metrics, submitted_at, signed_at, signed_by, signer, unsigned, after_cutoff,
                revised_after_deadline, locked, updated_at)
            VALUES (:unitId, :day, :jurisdictionId, :state, :reportId, :revision, :signedRevision, :zeroReport,
                cast(:metricsJson as jsonb), :submittedAt, :signedAt, :signedBy, :signer, :unsigned, :afterCutoff,
                :revisedAfterDeadline, :locked, :updatedAt)
            ON CONFLICT (unit_id, day) DO UPDATE SET jurisdiction_id = excluded.jurisdiction_id,
                state = excluded.state, report_id = excluded.report_id, revision = excluded.revision,
                signed_revision = excluded.signed_revision, zero_report = excluded.zero_report,
                metrics = excluded.metrics, submitted_at = excluded.submitted_at, signed_at = excluded.signed_at,
                signed_by = excluded.signed_by, signer = excluded.signer, unsigned = excluded.unsigned,
                after_cutoff = excluded.after_cutoff, revised_after_deadline = excluded.revised_after_deadline,
                locked = excluded.locked, updated_at = excluded.updated_at
            WHERE unit_day_status.updated_at <= excluded.updated_at
            """)
    void upsertStatus(@BindMethods ReadModelRows.StatusRow row);

    @SqlUpdate("""
            INSERT INTO rollups (node_id, day, jurisdiction_id, metrics, expected, on_time, late, missing,
                pending_signoff, unsigned, zero_reports, targets, targets_met, targets_missed, updated_at)
            VALUES (:nodeId, :day, :jurisdictionId, cast(:metricsJson as jsonb), :expected, :onTime, :late,
                :missing, :pendingSignoff, :unsigned, :zeroReports, cast(:targetsJson as jsonb), :targetsMet,
                :targetsMissed, :updatedAt)
            ON CONFLICT (node_id, day) DO UPDATE SET jurisdiction_id = excluded.jurisdiction_id,
                metrics = excluded.metrics, expected = excluded.expected, on_time = excluded.on_time,
                late = excluded.late, missing = excluded.missing, pending_signoff = excluded.pending_signoff,
                unsigned = excluded.unsigned, zero_reports = excluded.zero_reports, targets = excluded.targets,
                targets_met = excluded.targets_met, targets_missed = excluded.targets_missed,
                updated_at = excluded.updated_at
            WHERE rollups.updated_at <= excluded.updated_at
            """)
    void upsertRollup(@BindMethods ReadModelRows.RollupRow row);

    /** Raised: the alert's facts; acknowledgement and resolution columns are never touched here. */
    @SqlUpdate("""
            INSERT INTO alerts (alert_id, type, severity, jurisdiction_id, unit_id, day, rule_id, message, evidence,
                recipients, raised_at)
            VALUES (:alertId, :type, :severity, :jurisdictionId, :unitId, :day, :ruleId, :message,
                cast(:evidenceJson as jsonb), :recipients, :at)
            ON CONFLICT (alert_id) DO UPDATE SET type = excluded.type, severity = excluded.severity,
                message = excluded.message, evidence = excluded.evidence, recipients = excluded.recipients,
                raised_at = coalesce(alerts.raised_at, excluded.raised_at)
            """)
    void raiseAlert(@BindMethods ReadModelRows.AlertRow row);

    @SqlUpdate("""
            INSERT INTO alerts (alert_id, type, severity, jurisdiction_id, unit_id, day, rule_id, message, evidence,
                recipients, resolved_at)
            VALUES (:alertId, :type, :severity, :jurisdictionId, :unitId, :day, :ruleId, :message,
                cast(:evidenceJson as jsonb), :recipients, :at)
            ON CONFLICT (alert_id) DO UPDATE SET resolved_at = coalesce(alerts.resolved_at, excluded.resolved_at)
            """)
    void resolveAlert(@BindMethods ReadModelRows.AlertRow row);

    /**
     * The Streams app closes a day in parts (one per task); parts merge by unit, a newer copy of a unit replacing
     * the older, so applying a part twice changes nothing.
     */
    @SqlUpdate("""
            INSERT INTO day_closed (jurisdiction_id, day, closed_at, units, parts, parts_received)
            VALUES (:jurisdictionId, :day, :closedAt, cast(:unitsJson as jsonb), :parts, ARRAY[:part])
            ON CONFLICT (jurisdiction_id, day) DO UPDATE SET
                closed_at = greatest(day_closed.closed_at, excluded.closed_at),
                parts = excluded.parts,
                parts_received = (SELECT array_agg(DISTINCT p ORDER BY p)
                                  FROM unnest(day_closed.parts_received || excluded.parts_received) p),
                units = (SELECT coalesce(jsonb_agg(m.u ORDER BY m.u ->> 'unitId'), '[]'::jsonb) FROM (
                            SELECT DISTINCT ON (e.u ->> 'unitId') e.u
                            FROM (SELECT u, 0 AS rank FROM jsonb_array_elements(excluded.units) u
                                  UNION ALL
                                  SELECT u, 1 AS rank FROM jsonb_array_elements(day_closed.units) u) e
                            ORDER BY e.u ->> 'unitId', e.rank) m)
            """)
    void mergeDayClosed(@BindMethods ReadModelRows.DayClosedRow row);

    @SqlUpdate("""
            INSERT INTO report_revisions (report_id, revision, event_type, event_id, jurisdiction_id, unit_id, day,
                zero_report, metrics, narrative, submitted_by, submitted_at, signed_by, signed_at, signer, lowered,
                after_cutoff, source_address)
            VALUES (:reportId, :revision, :eventType, :eventId, :jurisdictionId, :unitId, :day, :zeroReport,
                cast(:metricsJson as jsonb), :narrative, :submittedBy, :submittedAt, :signedBy, :signedAt, :signer,
                cast(:loweredJson as jsonb), :afterCutoff, :sourceAddress)
            ON CONFLICT (report_id, revision, event_type) DO NOTHING
            """)
    void insertRevision(@BindMethods ReadModelRows.RevisionRow row);

    /** A later revision restating a finding updates its text and due date; its rectification is kept. */
    @SqlUpdate("""
            INSERT INTO findings (finding_id, reported_by_unit_id, unit_id, day, problem, due_date)
            VALUES (:findingId, :reportedByUnitId, :unitId, :day, :problem, :dueDate)
            ON CONFLICT (finding_id) DO UPDATE SET problem = excluded.problem, due_date = excluded.due_date
            """)
    void upsertFinding(@BindMethods ReadModelRows.FindingRow row);
}
