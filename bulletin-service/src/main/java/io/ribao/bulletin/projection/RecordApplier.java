package io.ribao.bulletin.projection;

import io.ribao.bulletin.db.ReadModelDao;
import io.ribao.bulletin.db.ReadModelRows;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.report.Finding;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.serde.Unreadable;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one record of a consumed topic to the read models with idempotent upserts, inside the caller's
 * transaction. Unreadable or refused records surface as {@link UnappliableRecord}; database failures propagate.
 */
public final class RecordApplier {

    private static final Logger LOG = LoggerFactory.getLogger(RecordApplier.class);

    private final Topics topics;
    private final RaisedAlerts raisedAlerts;
    private final Map<String, Applier> appliers;

    private interface Applier {
        void apply(Handle handle, String key, byte[] value, Applied applied);
    }

    public RecordApplier(Topics topics, RaisedAlerts raisedAlerts) {
        this.topics = topics;
        this.raisedAlerts = raisedAlerts;
        this.appliers = Map.of(
                Topics.ROSTER_JURISDICTIONS, this::jurisdiction,
                Topics.ROSTER_UNITS, this::unit,
                Topics.ROSTER_FORMS, this::form,
                Topics.ROSTER_USERS, this::user,
                Topics.UNIT_DAY_STATUS, this::status,
                Topics.ROLLUPS, this::rollup,
                Topics.ALERTS, this::alert,
                Topics.DAY_CLOSED, this::dayClosed,
                Topics.REPORTS, this::report);
    }

    /** The topics this applier understands, i.e. the ones the projection consumes. */
    public List<String> topicNames() {
        return appliers.keySet().stream().sorted().toList();
    }

    public void apply(Handle handle, String topic, byte[] key, byte[] value, Applied applied) {
        Applier applier = appliers.get(topic);
        if (applier == null) {
            throw new UnappliableRecord("no read model for topic " + topic, null);
        }
        applier.apply(handle, key == null ? null : new String(key, StandardCharsets.UTF_8), value, applied);
    }

    /**
     * Adds the status or alert a record carries to {@code seen} without touching the database: for records another
     * replica applied. Other topics, tombstones and unreadable values add nothing.
     */
    public void describe(String topic, byte[] value, Applied seen) {
        if (value == null) {
            return;
        }
        try {
            if (Topics.UNIT_DAY_STATUS.equals(topic)) {
                seen.status(read(topics.unitDayStatus(), value));
            } else if (Topics.ALERTS.equals(topic)) {
                seen.alert(read(topics.alerts(), value));
            }
        } catch (UnappliableRecord e) {
            // the replica that applied the batch met it first and sent it to the dead-letter topic
            LOG.debug("record of {} skipped here is unreadable: {}", topic, e.getMessage());
        }
    }

    private <V> V read(Topic<String, V> topic, byte[] value) {
        try {
            return topic.deserializeValue(value);
        } catch (RuntimeException e) {
            if (!Unreadable.forGood(e)) {
                // the registry away: the batch is rolled back and read again later, nothing is set aside (decision 445)
                throw e;
            }
            throw new UnappliableRecord("unreadable " + topic.name() + " value: " + e.getMessage(), e);
        }
    }

    private static <T> T required(String key, String what, Function<String, T> ifTombstone) {
        if (key == null) {
            throw new UnappliableRecord(what + " tombstone without a key", null);
        }
        return ifTombstone.apply(key);
    }

    private void jurisdiction(Handle h, String key, byte[] value, Applied applied) {
        ReadModelDao dao = h.attach(ReadModelDao.class);
        if (value == null) {
            required(key, "jurisdiction", k -> { dao.deleteJurisdiction(k); return k; });
        } else {
            Jurisdiction j = read(topics.jurisdictions(), value);
            dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(j));
        }
        applied.rosterChanged();
    }

    private void unit(Handle h, String key, byte[] value, Applied applied) {
        ReadModelDao dao = h.attach(ReadModelDao.class);
        if (value == null) {
            required(key, "unit", k -> { dao.deleteUnit(k); return k; });
        } else {
            Unit u = read(topics.units(), value);
            dao.upsertUnit(ReadModelRows.UnitRow.of(u));
        }
        applied.rosterChanged();
    }

    private void form(Handle h, String key, byte[] value, Applied applied) {
        ReadModelDao dao = h.attach(ReadModelDao.class);
        if (value == null) {
            required(key, "form", k -> { dao.deleteForm(k); return k; });
        } else {
            Form f = read(topics.forms(), value);
            dao.replaceForm(f.getId(), ReadModelRows.FormMetricRow.of(f));
        }
        applied.rosterChanged();
    }

    private void user(Handle h, String key, byte[] value, Applied applied) {
        ReadModelDao dao = h.attach(ReadModelDao.class);
        if (value == null) {
            required(key, "user", k -> { dao.deleteUser(k); return k; });
        } else {
            User u = read(topics.users(), value);
            dao.upsertUser(ReadModelRows.UserRow.of(u));
        }
        applied.rosterChanged();
    }

    private void status(Handle h, String key, byte[] value, Applied applied) {
        if (value == null) {
            return; // compaction tombstones of old days: the read model keeps history
        }
        UnitDayStatus s = read(topics.unitDayStatus(), value);
        h.attach(ReadModelDao.class).upsertStatus(ReadModelRows.StatusRow.of(s));
        applied.status(s);
    }

    private void rollup(Handle h, String key, byte[] value, Applied applied) {
        if (value == null) {
            return;
        }
        Rollup r = read(topics.rollups(), value);
        h.attach(ReadModelDao.class).upsertRollup(ReadModelRows.RollupRow.of(r));
    }

    private void alert(Handle h, String key, byte[] value, Applied applied) {
        if (value == null) {
            return;
        }
        AlertEvent a = read(topics.alerts(), value);
        ReadModelDao dao = h.attach(ReadModelDao.class);
        if (a.getState() == AlertState.RAISED) {
            dao.raiseAlert(ReadModelRows.AlertRow.of(a));
            raisedAlerts.raised(h, a);
        } else {
            dao.resolveAlert(ReadModelRows.AlertRow.of(a));
        }
        applied.alert(a);
    }

    private void dayClosed(Handle h, String key, byte[] value, Applied applied) {
        if (value == null) {
            return;
        }
        DayClosed d = read(topics.dayClosed(), value);
        if (d.getPartitions() < 1 || d.getPartition() < 0 || d.getPartition() >= d.getPartitions()) {
            throw new UnappliableRecord("day-closed part " + d.getPartition() + " of " + d.getPartitions(), null);
        }
        h.attach(ReadModelDao.class).mergeDayClosed(ReadModelRows.DayClosedRow.of(d));
        boolean complete = h.createQuery("""
                SELECT cardinality(parts_received) >= parts FROM day_closed
                WHERE jurisdiction_id = :j AND day = :d""")
                .bind("j", d.getJurisdictionId()).bind("d", d.getDate()).mapTo(Boolean.class).one();
        if (complete) {
            applied.closedDay(new Applied.ClosedDay(d.getJurisdictionId(), d.getDate()));
        }
    }

    private void report(Handle h, String key, byte[] value, Applied applied) {
        if (value == null) {
            return;
        }
        ReportEvent r = read(topics.reports(), value);
        ReadModelDao dao = h.attach(ReadModelDao.class);
        dao.insertRevision(ReadModelRows.RevisionRow.of(r));
        for (Finding f : r.getFindings()) {
            dao.upsertFinding(ReadModelRows.FindingRow.of(r, f));
        }
    }
}
