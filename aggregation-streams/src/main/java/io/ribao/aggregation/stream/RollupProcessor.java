package io.ribao.aggregation.stream;

import io.ribao.aggregation.alert.AlertComposer;
import io.ribao.aggregation.day.Attendance;
import io.ribao.aggregation.day.DaySchedule;
import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.NodeTotals;
import io.ribao.aggregation.rollup.NodeTotalsCodec;
import io.ribao.aggregation.rollup.RollupRetention;
import io.ribao.aggregation.rules.FindingChanges;
import io.ribao.aggregation.rules.QualityChecks;
import io.ribao.aggregation.rules.RuleFinding;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.topics.Keys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The roll-up task of a node-day (key {@code nodeId/date}): replaces each source unit's previous contribution in the
 * node's running totals ({@link NodeTotals}: fixed size, so one change costs the same however many children the node
 * has; the previous contribution comes from {@code rollup-sources}) — or each unit-day task's previous subtotal of
 * the shares from two or more levels below ({@code rollup-subtotals}, decision 282) — and marks the node-day dirty; each
 * punctuation emits the {@code Rollup} of
 * every dirty node-day once, stores its totals once ({@link NodeTotalsCache}) and judges its cross-level rules
 * (reconciliation, zero report contradicted), so a burst of 100,000 changes under the county yields one county
 * roll-up and one write of its totals, not 100,000. The sources and the dirty marks are changelogged stores, so
 * nothing is lost between a commit and the next punctuation: a dirty node-day's totals are rebuilt from its sources
 * when memory lost them. Node-days are dropped an hour after their day locks ({@link RollupRetention}), and a share of a
 * day already dropped is ignored.
 */
public final class RollupProcessor implements Processor<String, NodeShare, String, Object> {

    private static final String NODE_DAY = "n";
    private static final String SOURCE = "s";
    private static final String SUBTOTAL = "t";

    /** Alert-ledger values and findings of the node-days judged lately: each punctuation judges every dirty node-day. */
    private static final int NODE_DAYS_IN_MEMORY = 4_096;

    /** Sources of the contributions of the last moments: a burst's units, the townships, the county's own. */
    private static final int SOURCES_IN_MEMORY = 65_536;

    private final Duration punctuationInterval;
    private final AlertComposer composer;
    private QualityChecks checks;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> totals;
    private KeyValueStore<String, Contribution> sources;
    /** The latest contributions of recently active sources, decoded: each is the previous of the source's next. */
    private WriteThroughCache<Contribution> previousShares;
    /** nodeId/date/task → the subtotal last received from that unit-day task (decision 282). */
    private KeyValueStore<String, byte[]> subtotals;
    private final NodeTotalsCodec subtotalCodec = new NodeTotalsCodec();
    private KeyValueStore<String, Unit> nodes;
    /** The findings open on each node-day, kept in memory for the node-days judged lately. */
    private WriteThroughCache<String> findings;
    private KeyValueStore<String, String> days;
    private KeyValueStore<String, String> dirty;
    private NodeTotalsCache cache;
    /**
     * The dirty marks this processor has written since its last punctuation: a busy node (the county) changes with
     * nearly every record, and re-writing a mark it already holds would cost a changelog record each time. Empty after
     * a restart or re-initialisation, so a mark may be written once more, which is harmless.
     */
    private final Set<String> marked = new HashSet<>();
    private KeyValueStore<String, Jurisdiction> jurisdictions;
    /** By jurisdiction, the newest day whose node-days are dropped: a share of it or an older day is ignored. */
    private final Map<String, LocalDate> forgottenThrough = new HashMap<>();
    private AlertLedger alerts;

    public RollupProcessor(Duration punctuationInterval, AlertComposer composer) {
        this.punctuationInterval = punctuationInterval;
        this.composer = composer;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        totals = context.getStateStore(StoreNames.ROLLUP_TOTALS);
        sources = context.getStateStore(StoreNames.ROLLUP_SOURCES);
        previousShares = new WriteThroughCache<>(sources, SOURCES_IN_MEMORY);
        nodes = context.getStateStore(StoreNames.ROLLUP_NODES);
        findings = new WriteThroughCache<>(context.getStateStore(StoreNames.NODE_FINDINGS), NODE_DAYS_IN_MEMORY);
        days = context.getStateStore(StoreNames.ROLLUP_DAYS);
        dirty = context.getStateStore(StoreNames.ROLLUP_DIRTY);
        subtotals = context.getStateStore(StoreNames.ROLLUP_SUBTOTALS);
        cache = new NodeTotalsCache(totals, sources, subtotals, dirty);
        // A task revived after an aborted transaction is initialised again, its stores restored: forget the marks.
        marked.clear();
        jurisdictions = context.getStateStore(StoreNames.JURISDICTIONS);
        forgottenThrough.clear();
        Instant started = Instant.ofEpochMilli(context.currentSystemTimeMs());
        allJurisdictions().forEach(j -> forgottenThrough.put(j.getId(), RollupRetention.newestForgotten(j, started)));
        alerts = new AlertLedger(context.getStateStore(StoreNames.NODE_ALERTS), NODE_DAYS_IN_MEMORY);
        KeyValueStore<String, Form> forms = context.getStateStore(StoreNames.FORMS);
        checks = new QualityChecks(UnitDayQuality.metricNames(forms));
        context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> {
            checks = new QualityChecks(UnitDayQuality.metricNames(forms));
            Instant now = Instant.ofEpochMilli(timestamp);
            emitDirty(now);
            dropLockedDays(now);
        });
    }

    @Override
    public void process(Record<String, NodeShare> record) {
        if (record.key() == null || record.value() == null || isForgotten(record.value())) {
            return;
        }
        if (record.value() instanceof NodeSubtotal subtotal) {
            onSubtotal(record.key(), subtotal);
        } else {
            onContribution(record.key(), (NodeContribution) record.value());
        }
    }

    private boolean isForgotten(NodeShare share) {
        LocalDate forgotten = forgottenThrough.get(share.jurisdictionId());
        return forgotten != null && !share.date().isAfter(forgotten);
    }

    /** Replaces one unit-day task's subtotal of the node-day with the one that came. */
    private void onSubtotal(String nodeDay, NodeSubtotal subtotal) {
        String taskKey = nodeDay + "/" + subtotal.sourceTask();
        byte[] previousBytes = subtotals.get(taskKey);
        NodeTotals stored = cache.get(nodeDay);
        NodeTotals node = stored == null ? new NodeTotals() : stored;
        boolean changed = previousBytes == null && withdrawSharesFromBelow(nodeDay, node);
        if (!node.applySubtotal(subtotalCodec.decode(previousBytes), subtotal.totals()) && !changed) {
            return;
        }
        changed(nodeDay, node, stored == null, subtotal);
        if (subtotal.totals().isEmpty()) {
            subtotals.delete(taskKey);
        } else {
            if (previousBytes == null) {
                index(subtotal, SUBTOTAL, taskKey);
            }
            subtotals.put(taskKey, subtotalCodec.encode(subtotal.totals()));
        }
    }

    /**
     * Withdraws the node-day's shares from two or more levels below that travelled one by one before subtotals did
     * (decision 282): a day open across the upgrade would count them twice. Run when a task's first subtotal of the
     * node-day arrives; a scan of the node-day's sources, which since then hold only its own and its children's.
     */
    private boolean withdrawSharesFromBelow(String nodeDay, NodeTotals node) {
        List<KeyValue<String, Contribution>> fromBelow = new ArrayList<>();
        try (KeyValueIterator<String, Contribution> it = sources.prefixScan(nodeDay + "/", new StringSerializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && !Contribution.travelsAlone(kv.value.depth())) {
                    fromBelow.add(kv);
                }
            });
        }
        for (KeyValue<String, Contribution> share : fromBelow) {
            node.apply(share.value, share.value.withdrawal());
            previousShares.delete(share.key);
        }
        return !fromBelow.isEmpty();
    }

    private void onContribution(String nodeDay, NodeContribution share) {
        Contribution next = share.contribution();
        if (share.nodeUnit() != null) {
            nodes.put(next.nodeId(), share.nodeUnit());
        }
        String sourceKey = nodeDay + "/" + next.sourceUnitId();
        NodeTotals stored = cache.get(nodeDay);
        NodeTotals node = stored == null ? new NodeTotals() : stored;
        Contribution previous = previousShares.get(sourceKey);
        if (!node.apply(previous, next)) {
            return;
        }
        changed(nodeDay, node, stored == null, share);
        if (next.isEmpty()) {
            previousShares.delete(sourceKey);
        } else {
            if (previous == null) {
                index(share, SOURCE, sourceKey);
            }
            previousShares.put(sourceKey, next);
        }
    }

    private void changed(String nodeDay, NodeTotals node, boolean isNew, NodeShare share) {
        if (isNew) {
            index(share, NODE_DAY, nodeDay);
        }
        cache.changed(nodeDay, node);
        if (marked.add(nodeDay)) {
            dirty.put(nodeDay, share.jurisdictionId());
        }
    }

    private void emitDirty(Instant now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = dirty.all()) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> mark : due) {
            // read before the mark goes: a dirty node-day missing from memory is rebuilt from its sources
            NodeTotals node = cache.get(mark.key);
            dirty.delete(mark.key);
            marked.remove(mark.key);
            if (node == null) {
                continue;
            }
            cache.emitted(mark.key, node);
            String nodeId = Keys.idOf(mark.key);
            LocalDate date = Keys.dateOf(mark.key);
            context.forward(new Record<>(mark.key, node.toRollup(nodeId, mark.value, date, now), now.toEpochMilli()));
            judge(mark.key, nodeId, mark.value, date, node, now);
        }
        cache.trim();
    }

    private void judge(String nodeDay, String nodeId, String jurisdictionId, LocalDate date, NodeTotals node,
                       Instant now) {
        Jurisdiction jurisdiction = jurisdictions.get(jurisdictionId);
        Unit unit = nodes.get(nodeId);
        if (jurisdiction == null || unit == null) {
            return;
        }
        List<RuleFinding> current = checks.onNode(nodeId, date,
                node.withDirectChildren(() -> directChildren(nodeDay)), jurisdiction);
        Set<String> before = UnitDayQuality.open(findings, nodeDay);
        FindingChanges changes = FindingChanges.between(before, current);
        UnitDayQuality.store(findings, nodeDay, before, changes.open());
        for (RuleFinding finding : changes.raised()) {
            if (Attendance.expected(unit, date) && alerts.raise(nodeDay, finding.alertId())) {
                AlertEvent event = composer.compose(finding, unit, jurisdiction, now);
                context.forward(new Record<>(event.getAlertId(), event, now.toEpochMilli()));
            }
        }
        for (String alertId : changes.resolvedAlertIds()) {
            if (alerts.resolve(nodeDay, alertId)) {
                AlertEvent event = composer.resolution(alertId, unit, jurisdiction, date, now);
                context.forward(new Record<>(alertId, event, now.toEpochMilli()));
            }
        }
    }

    /**
     * The node-day's depth-1 sources as last contributed: a prefix scan of {@code rollup-sources}, run only when a
     * node rule fires and names the children in its evidence.
     */
    private List<Contribution> directChildren(String nodeDay) {
        List<Contribution> children = new ArrayList<>();
        try (KeyValueIterator<String, Contribution> it = sources.prefixScan(nodeDay + "/", new StringSerializer())) {
            it.forEachRemaining(kv -> {
                Contribution c = kv.value;
                if (c != null && c.depth() == 1) {
                    children.add(c);
                }
            });
        }
        return children;
    }

    /** Index keys {@code jurisdictionId|date|kind|key}: ISO dates sort as text, so old days are a range. */
    private void index(NodeShare share, String kind, String key) {
        days.put(share.jurisdictionId() + "|" + share.date() + "|" + kind + "|" + key, "");
    }

    private List<Jurisdiction> allJurisdictions() {
        List<Jurisdiction> all = new ArrayList<>();
        try (KeyValueIterator<String, Jurisdiction> it = jurisdictions.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    all.add(kv.value);
                }
            });
        }
        return all;
    }

    private void dropLockedDays(Instant now) {
        for (Jurisdiction jurisdiction : allJurisdictions()) {
            LocalDate newestLocked = RollupRetention.newestForgotten(jurisdiction, now);
            // forward only: a reload that widens the window does not bring back a day already dropped
            forgottenThrough.merge(jurisdiction.getId(), newestLocked, (was, is) -> was.isAfter(is) ? was : is);
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, String> it = days.range(jurisdiction.getId() + "|",
                    jurisdiction.getId() + "|" + newestLocked + "|~")) {
                it.forEachRemaining(kv -> old.add(kv.key));
            }
            for (String entry : old) {
                days.delete(entry);
                String[] parts = entry.split("\\|", 4);
                if (parts[2].equals(NODE_DAY)) {
                    cache.delete(parts[3]);
                    dirty.delete(parts[3]);
                    marked.remove(parts[3]);
                    findings.delete(parts[3]);
                    alerts.forget(parts[3]);
                } else if (parts[2].equals(SUBTOTAL)) {
                    subtotals.delete(parts[3]);
                } else {
                    previousShares.delete(parts[3]);
                }
            }
        }
    }
}
