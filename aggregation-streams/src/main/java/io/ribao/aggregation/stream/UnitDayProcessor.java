package io.ribao.aggregation.stream;

import io.ribao.aggregation.alert.AlertComposer;
import io.ribao.aggregation.day.AlertChange;
import io.ribao.aggregation.day.AlertIds;
import io.ribao.aggregation.day.Attendance;
import io.ribao.aggregation.day.DaySchedule;
import io.ribao.aggregation.day.DaySchedules;
import io.ribao.aggregation.day.Deadline;
import io.ribao.aggregation.day.DeadlineMoves;
import io.ribao.aggregation.day.DeadlineSettings;
import io.ribao.aggregation.day.Transition;
import io.ribao.aggregation.day.UnitDay;
import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rules.FindingChanges;
import io.ribao.aggregation.rules.QualityChecks;
import io.ribao.aggregation.rules.RuleFinding;
import io.ribao.roster.UnitCalendar;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Keys;
import io.ribao.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit-day task: owns the units of its partition (roster units and reports are co-partitioned by unitId), opens
 * each day for them, applies reports and due deadlines through {@link UnitDay}, and forwards statuses (as the stored
 * {@link UnitDayEntry}, whose status bytes the sink writes), alerts, day-closed parts and dead letters. "Now" is the
 * wall clock of the punctuator and of the stream thread, nothing else.
 */
public final class UnitDayProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(UnitDayProcessor.class);
    /** Key prefix in {@code deadline-settings}: the first day not locked under settings since widened. */
    private static final String LOCKED_BEFORE = "lockedBefore|";
    private static final List<Deadline> UNIT_DEADLINES =
            List.of(Deadline.REMINDER, Deadline.SUBMISSION, Deadline.BULLETIN, Deadline.LOCK);
    /** Applied deadline entries deleted per quiet punctuation (DueDeadlines.QUIET after the last one fell due). */
    private static final int SWEEP_LIMIT = 5_000;
    /** Every unit of the largest roster (100,000 units) fits, whatever its partitioning: a deadline visits all. */
    private static final int UNITS_IN_MEMORY = 131_072;
    /**
     * The unit-days of units reporting now, decoded: each revision reads its day's status again, and a deadline reads
     * every unit-day of the day; a task's share of the largest roster (100,000 units over 3 partitions) fits, so a
     * deadline reads none of them back from the store (decision 273).
     */
    private static final int UNIT_DAYS_IN_MEMORY = 65_536;
    private static final String SETTLED_KEY = "last";
    /** Unit-days changed this long before the last settling punctuation are noted again after a start too. */
    private static final Duration SETTLED_MARGIN = Duration.ofMinutes(1);

    private final Duration punctuationInterval;
    private final int partitions;
    private final AlertComposer composer;
    private final Deserializer<Unit> unitReader;
    private final Deserializer<ReportEvent> reportReader;
    private final Serializer<UnitDayStatus> statusWriter;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Unit> unitStore;
    private WriteThroughCache<Unit> units;
    private UnitDays unitDays;
    /** This task's unit-days' shares toward ancestors two or more levels up, summed per node-day (decision 282). */
    private TaskSubtotals subtotals;
    private DueDeadlines deadlines;
    private KeyValueStore<String, String> openedDays;
    private KeyValueStore<String, String> deadlineSettings;
    /**
     * By jurisdiction, the first day not locked under the settings a reload has since widened (amendDays raised), from
     * {@code deadline-settings}' {@code lockedBefore|<jurisdictionId>} entries; {@link Optional#empty} where there is none.
     */
    private final Map<String, Optional<LocalDate>> lockedBefore = new HashMap<>();
    private KeyValueStore<String, byte[]> pendingReports;
    private AlertLedger alerts;
    private KeyValueStore<String, Jurisdiction> jurisdictions;
    private UnitDayQuality quality;
    private final DaySchedules schedules = new DaySchedules();
    /**
     * The unit-days whose share of the roll-ups changed since the last punctuation, which sends each one's latest share
     * once, however often it changed in between (decision 279). Only in memory: a new processor starts with the open
     * unit-days changed since the last punctuation that settled any ({@link #settled}), so a share changed but not yet
     * sent when the task stopped is sent after all.
     */
    private final Set<String> sharesDue = new LinkedHashSet<>();
    /**
     * The unit-days whose status changed since the last punctuation, which judges each one's rules once, on its latest
     * status (decision 280). Only in memory, as {@link #sharesDue}: a new processor judges the same unit-days again,
     * which raises only what their stored findings and alert marks do not already hold.
     */
    private final Set<String> judgementsDue = new LinkedHashSet<>();
    /**
     * The unit-days whose status a report changed and that went out at once since the last punctuation: a further change
     * in the same interval waits for the punctuation ({@link #statusesDue}), which sends the latest status once
     * (decision 281). Only in memory, as {@link #sharesDue}.
     */
    private final Set<String> statusesSent = new HashSet<>();
    /** The unit-days a report changed again after their status went out in this interval. */
    private final Set<String> statusesDue = new LinkedHashSet<>();
    /** When this task's punctuation last judged or sent something; see {@link StoreNames#UNIT_DAYS_SETTLED}. */
    private KeyValueStore<String, String> settled;
    /** Whether this punctuation has judged or sent anything yet, so a quiet one writes nothing. */
    private boolean settledSomething;
    /** Jurisdictions read from the global store, kept until the next punctuation (a roster reload shows within 1 s). */
    private final Map<String, Jurisdiction> jurisdictionCache = new HashMap<>();

    public UnitDayProcessor(Topics topics, Duration punctuationInterval, int partitions, AlertComposer composer) {
        this.punctuationInterval = punctuationInterval;
        this.partitions = partitions;
        this.composer = composer;
        this.unitReader = topics.units().valueSerde().deserializer();
        this.reportReader = topics.reports().valueSerde().deserializer();
        this.statusWriter = topics.unitDayStatus().valueSerde().serializer();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        unitStore = context.getStateStore(StoreNames.UNITS);
        units = new WriteThroughCache<>(unitStore, UNITS_IN_MEMORY);
        unitDays = new UnitDays(context.getStateStore(StoreNames.UNIT_DAYS), UNIT_DAYS_IN_MEMORY, statusWriter);
        deadlines = new DueDeadlines(context.getStateStore(StoreNames.DEADLINES),
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        openedDays = context.getStateStore(StoreNames.OPENED_DAYS);
        deadlineSettings = context.getStateStore(StoreNames.DEADLINE_SETTINGS);
        lockedBefore.clear();
        pendingReports = context.getStateStore(StoreNames.PENDING_REPORTS);
        alerts = new AlertLedger(unitDays.alertMarks());
        jurisdictions = context.getStateStore(StoreNames.JURISDICTIONS);
        quality = new UnitDayQuality(context.getStateStore(StoreNames.UNIT_HISTORIES),
                context.getStateStore(StoreNames.UNIT_FINDINGS), context.getStateStore(StoreNames.FORMS));
        // The unit-days changed since the last punctuation that settled any (less a margin for the wall clock) may have
        // been judged or sent in no committed transaction: note them again. What was sent before is sent again
        // unchanged, which a roll-up task ignores, and judged again, which raises nothing new.
        settled = context.getStateStore(StoreNames.UNIT_DAYS_SETTLED);
        String last = settled.get(SETTLED_KEY);
        Instant since = last == null ? null : Instant.ofEpochMilli(Long.parseLong(last)).minus(SETTLED_MARGIN);
        // The subtotals are rebuilt from every open unit-day and all sent at the first punctuation: a roll-up task
        // replaces what it holds from this task with them, and ignores those that are the same.
        subtotals = new TaskSubtotals(context.taskId().partition());
        List<String> changed = new ArrayList<>();
        unitDays.forEachOpen((dayKey, status) -> {
            if (since == null || !status.getUpdatedAt().isBefore(since)) {
                changed.add(dayKey);
            }
            Unit unit = units.get(status.getUnitId());
            if (unit != null) {
                subtotals.place(dayKey, status.getJurisdictionId(), status.getDate(),
                        Contribution.towardAncestors(Contribution.ownOf(status, unit), unit));
            }
        });
        subtotals.markAllChanged();
        sharesDue.clear();
        sharesDue.addAll(changed);
        judgementsDue.clear();
        judgementsDue.addAll(changed);
        statusesSent.clear();
        statusesDue.clear();
        statusesDue.addAll(changed);
        settledSomething = false;
        context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME,
                timestamp -> onWallClock(Instant.ofEpochMilli(timestamp)));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        RecordMetadata source = context.recordMetadata().orElseThrow();
        try {
            if (Topics.ROSTER_UNITS.equals(source.topic())) {
                onUnit(record.key(), record.value(), now);
                // a move's subtotals follow it at once, as its withdrawals do
                sendSubtotals(now);
            } else {
                onReport(record.value(), now);
            }
        } catch (RuntimeException e) {
            if (!DeadLetters.isBadRecord(e)) {
                throw e;
            }
            LOG.warn("bad record {}-{}@{} ({}); sent to {} and processing continues", source.topic(),
                    source.partition(), source.offset(), e.toString(), Topics.deadLetterTopic(DeadLetters.APP));
            context.forward(new Record<>(record.key(), DeadLetters.of(source.topic(), source.partition(),
                    source.offset(), DeadLetters.keyBytes(record.key()), record.value(), e, now), now.toEpochMilli()));
        }
    }

    private void onUnit(String key, byte[] bytes, Instant now) {
        if (bytes == null) {
            if (key != null) {
                removeUnit(key, now);
            }
            return;
        }
        Unit unit = unitReader.deserialize(Topics.ROSTER_UNITS, bytes);
        require(unit.getId() != null && !unit.getId().isBlank(), "unit id is blank");
        require(unit.getJurisdictionId() != null && !unit.getJurisdictionId().isBlank(), "unit jurisdictionId is blank");
        Unit previous = units.get(unit.getId());
        units.put(unit.getId(), unit);
        replayPendingReports(unit.getId(), now);
        // A unit that arrives (or is reactivated) during an open day is expected that day at once.
        String opened = openedDays.get(unit.getJurisdictionId());
        Jurisdiction jurisdiction = jurisdiction(unit.getJurisdictionId());
        if (opened == null || jurisdiction == null || unit.equals(previous)) {
            return;
        }
        LocalDate today = LocalDate.parse(opened);
        UnitDayStatus current = unitDays.get(Keys.ofDay(unit.getId(), today));
        if (current != null) {
            // Suspended, moved or re-targeted: the roll-ups follow the roster at once, and the day's rules are judged
            // again at the punctuation against the new roster (a target raised or lowered raises or resolves
            // TARGET_MISSED); judged again unchanged, a day raises nothing new.
            moveAway(current, previous, unit, jurisdiction, now);
            contribute(current, unit, jurisdiction, now, true);
            judgementsDue.add(Keys.ofDay(unit.getId(), today));
            if ((previous == null || !Attendance.expected(previous, today)) && Attendance.expected(unit, today)) {
                fileAgainThePassedDeadlines(Keys.ofDay(unit.getId(), today), jurisdiction, today);
            }
        } else if (Attendance.expected(unit, today)) {
            openUnitDay(unit, jurisdiction, today, now);
        }
        if (previous == null || Contribution.sharesMove(previous, unit) || !UnitCalendar.sameDays(previous, unit)) {
            // Moved (or no longer, or now, a roll-up node), its days moved (activeFrom, activeTo, a dated
            // suspension), or back in the roster after a removal (whose unit-days kept their statuses): the days
            // still open to amendment follow too, as their next revision, and a restart, would.
            for (int back = 1; back <= jurisdiction.getAmendDays(); back++) {
                UnitDayStatus past = unitDays.get(Keys.ofDay(unit.getId(), today.minusDays(back)));
                if (past != null) {
                    moveAway(past, previous, unit, jurisdiction, now);
                    contribute(past, unit, jurisdiction, now, false);
                }
            }
        }
    }

    /**
     * A unit resumed (or back in the roster) on a day whose submission or bulletin deadline passed while nothing was
     * expected of it: those deadlines are applied at the next look, as for a unit added then — MISSING, then
     * STILL_MISSING — instead of never (its 16:30 was skipped) and only STILL_MISSING at 18:00. The reminder is not:
     * "due soon" after the deadline would say nothing true.
     */
    private void fileAgainThePassedDeadlines(String dayKey, Jurisdiction jurisdiction, LocalDate date) {
        DaySchedule schedule = schedules.of(jurisdiction, date);
        for (Deadline deadline : List.of(Deadline.SUBMISSION, Deadline.BULLETIN)) {
            Instant due = schedule.at(deadline);
            if (!due.isAfter(deadlines.appliedUpTo())) {
                deadlines.schedule(due, deadline, dayKey);
            }
        }
    }

    /**
     * A unit left the roster: its open unit-days leave the roll-ups — the days still open to amendment too — as a
     * suspended unit's do. Their statuses stay what they were; nothing is expected of the unit any more.
     */
    private void removeUnit(String unitId, Instant now) {
        Unit previous = units.get(unitId);
        units.delete(unitId);
        if (previous == null) {
            return;
        }
        String opened = openedDays.get(previous.getJurisdictionId());
        Jurisdiction jurisdiction = jurisdiction(previous.getJurisdictionId());
        if (opened == null || jurisdiction == null) {
            return;
        }
        LocalDate today = LocalDate.parse(opened);
        for (int back = 0; back <= jurisdiction.getAmendDays(); back++) {
            LocalDate date = today.minusDays(back);
            String dayKey = Keys.ofDay(unitId, date);
            if (unitDays.get(dayKey) != null) {
                forwardShares(jurisdiction, date, subtotals.place(dayKey, jurisdiction.getId(), date,
                        Contribution.withdrawalsOnRemoval(previous)), null, now.toEpochMilli());
            }
        }
    }

    /** Withdraws the unit-day's share from the ancestors the unit no longer has. */
    private void moveAway(UnitDayStatus status, Unit previous, Unit unit, Jurisdiction jurisdiction, Instant now) {
        if (previous == null) {
            return;
        }
        forwardShares(jurisdiction, status.getDate(), Contribution.withdrawalsOnMove(previous, unit), null,
                now.toEpochMilli());
    }

    private void onReport(byte[] bytes, Instant now) {
        if (bytes == null) {
            return;
        }
        ReportEvent report = reportReader.deserialize(Topics.REPORTS, bytes);
        require(report.getUnitId() != null && !report.getUnitId().isBlank(), "report unitId is blank");
        require(report.getDate() != null, "report date is missing");
        require(report.getRevision() >= 1, "report revision must be >= 1, not " + report.getRevision());
        Jurisdiction jurisdiction = jurisdiction(report.getJurisdictionId());
        require(jurisdiction != null, "unknown jurisdiction " + report.getJurisdictionId());
        Unit unit = units.get(report.getUnitId());
        if (unit == null) {
            // report-ingest accepted it against the roster, so the unit's record is on its way (both topics are
            // keyed by unit, so it comes to this task): keep the report until it arrives.
            require(report.getEventId() != null && !report.getEventId().isBlank(), "report eventId is blank");
            pendingReports.put(report.getUnitId() + "/" + report.getEventId(), bytes);
            return;
        }
        DaySchedule schedule = schedules.of(jurisdiction, report.getDate());
        String dayKey = Keys.ofDay(unit.getId(), report.getDate());
        UnitDayStatus status = unitDays.get(dayKey);
        // Read after the lock (after an outage or a lag across midnight), a report that report-ingest took before it
        // still counts while the day is kept, i.e. until the lock's punctuation has forgotten the day (decision 201).
        require(!lockedUnderEarlierSettings(jurisdiction.getId(), report.getDate())
                        && (now.isBefore(schedule.locks()) || status != null && schedule.tookBeforeLock(report)),
                "day " + report.getDate() + " is locked");
        if (status == null) {
            // The report can beat the punctuation that opens its day.
            status = openUnitDay(unit, jurisdiction, report.getDate(), now);
        }
        apply(status, UnitDay.onReport(status, report, schedule, now), dayKey, unit, jurisdiction, report.getDate(),
                now, false);
        for (RuleFinding finding : quality.onReport(report)) {
            raise(finding, dayKey, unit, jurisdiction, now);
        }
    }

    private void replayPendingReports(String unitId, Instant now) {
        List<KeyValue<String, byte[]>> waiting = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pendingReports.prefixScan(unitId + "/", new StringSerializer())) {
            it.forEachRemaining(waiting::add);
        }
        for (KeyValue<String, byte[]> report : waiting) {
            pendingReports.delete(report.key);
            onReport(report.value, now);
        }
    }

    private void onWallClock(Instant now) {
        jurisdictionCache.clear();
        quality.refreshMetricNames();
        sendDueStatuses(now);
        openDays(now);
        applyDue(now);
        judgeDue(now);
        sendDueShares(now);
        sendSubtotals(now);
        if (settledSomething) {
            settled.put(SETTLED_KEY, Long.toString(now.toEpochMilli()));
            settledSomething = false;
        }
    }

    /**
     * Sends the latest status of every unit-day a report changed again after its status went out in this interval; the
     * next report's status goes at once again. First, so that what the deadlines change now follows it.
     */
    private void sendDueStatuses(Instant now) {
        settledSomething |= !statusesDue.isEmpty();
        for (String dayKey : statusesDue) {
            sendStatus(dayKey, now);
        }
        statusesDue.clear();
        statusesSent.clear();
    }

    private void sendStatus(String dayKey, Instant now) {
        UnitDayEntry stored = unitDays.entry(dayKey);
        if (stored != null) {
            context.forward(new Record<>(dayKey, stored, now.toEpochMilli()));
        }
    }

    /** Judges the rules of every unit-day whose status changed since the last punctuation, on its latest status. */
    private void judgeDue(Instant now) {
        drain(judgementsDue, judging(now));
    }

    /** Sends the latest share of every unit-day whose share changed since the last punctuation. */
    private void sendDueShares(Instant now) {
        drain(sharesDue, sharing(now));
    }

    /** Sends every subtotal changed since the last ones went: after the shares that changed them. */
    private void sendSubtotals(Instant now) {
        for (NodeSubtotal subtotal : subtotals.takeChanged()) {
            context.forward(new Record<>(Keys.ofDay(subtotal.nodeId(), subtotal.date()), subtotal,
                    now.toEpochMilli()));
        }
    }

    private NotedWork judging(Instant now) {
        return (dayKey, status, unit, jurisdiction) -> judge(dayKey, status, unit, jurisdiction, now,
                Attendance.expected(unit, status.getDate()));
    }

    private NotedWork sharing(Instant now) {
        return (dayKey, status, unit, jurisdiction) -> contribute(status, unit, jurisdiction, now, false);
    }

    /** Work the punctuation does for a noted unit-day, on its latest status. */
    private interface NotedWork {
        void run(String dayKey, UnitDayStatus status, Unit unit, Jurisdiction jurisdiction);
    }

    private void drain(Set<String> noted, NotedWork work) {
        settledSomething |= !noted.isEmpty();
        for (String dayKey : noted) {
            runFor(dayKey, work);
        }
        noted.clear();
    }

    /** Runs the work for the unit-day if it is still open and its unit and jurisdiction are known. */
    private void runFor(String dayKey, NotedWork work) {
        UnitDayStatus status = unitDays.get(dayKey);
        if (status == null) {
            return;
        }
        Unit unit = units.get(status.getUnitId());
        Jurisdiction jurisdiction = jurisdiction(status.getJurisdictionId());
        if (unit != null && jurisdiction != null) {
            work.run(dayKey, status, unit, jurisdiction);
        }
    }

    /**
     * Opens every day that has begun since this task last looked, back at most amendDays after an outage; first moves
     * the open days' deadlines of a jurisdiction whose settings a roster reload changed.
     */
    private void openDays(Instant now) {
        List<Jurisdiction> all = new ArrayList<>();
        try (KeyValueIterator<String, Jurisdiction> it = jurisdictions.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    all.add(kv.value);
                }
            });
        }
        for (Jurisdiction jurisdiction : all) {
            followDeadlineSettings(jurisdiction);
            LocalDate today = DaySchedule.today(jurisdiction, now);
            String opened = openedDays.get(jurisdiction.getId());
            LocalDate from = opened == null ? today : LocalDate.parse(opened).plusDays(1);
            LocalDate earliest = today.minusDays(jurisdiction.getAmendDays());
            if (from.isBefore(earliest)) {
                from = earliest;
            }
            if (from.isAfter(today)) {
                continue;
            }
            List<Unit> owned = unitsOf(jurisdiction.getId());
            for (LocalDate date = from; !date.isAfter(today); date = date.plusDays(1)) {
                openDay(jurisdiction, date, owned, now);
            }
            openedDays.put(jurisdiction.getId(), today.toString());
        }
    }

    /**
     * The deadlines of the days already open were filed with the settings of their opening: when a roster reload changes
     * the jurisdiction's times or amendDays, those not applied yet move to the new times (DESIGN.md §3, "changes take
     * effect on reload without a restart"; decision 207). The settings filed with are kept per jurisdiction.
     */
    private void followDeadlineSettings(Jurisdiction jurisdiction) {
        DeadlineSettings current = DeadlineSettings.of(jurisdiction);
        String filed = deadlineSettings.get(jurisdiction.getId());
        String encoded = current.encode();
        if (encoded.equals(filed)) {
            return;
        }
        deadlineSettings.put(jurisdiction.getId(), encoded);
        String opened = openedDays.get(jurisdiction.getId());
        if (filed == null || opened == null) {
            return;
        }
        DeadlineSettings before = DeadlineSettings.decode(filed);
        LocalDate newest = LocalDate.parse(opened);
        keepLocked(jurisdiction.getId(), newest.minusDays(before.amendDays()));
        List<Unit> owned = unitsOf(jurisdiction.getId());
        int window = Math.max(before.amendDays(), current.amendDays());
        for (LocalDate date = newest.minusDays(window); !date.isAfter(newest); date = date.plusDays(1)) {
            String dayOfJurisdiction = Keys.ofDay(jurisdiction.getId(), date);
            for (DeadlineMoves.Move move : DeadlineMoves.of(before, current, date, List.of(Deadline.DAY_CLOSE),
                    deadlines.appliedUpTo())) {
                deadlines.move(move.from(), move.to(), move.kind(), dayOfJurisdiction);
            }
            List<DeadlineMoves.Move> moves = DeadlineMoves.of(before, current, date, UNIT_DEADLINES,
                    deadlines.appliedUpTo());
            if (moves.isEmpty()) {
                continue;
            }
            for (Unit unit : owned) {
                String dayKey = Keys.ofDay(unit.getId(), date);
                if (unitDays.get(dayKey) != null) {
                    moves.forEach(move -> deadlines.move(move.from(), move.to(), move.kind(), dayKey));
                }
            }
        }
    }

    /**
     * The days before {@code firstOpen} have locked and left the stores: they stay locked when a reload widens the
     * window (a larger amendDays would otherwise take a report for one as a day to open afresh, its deadlines and
     * alerts again; decision 207).
     */
    private void keepLocked(String jurisdictionId, LocalDate firstOpen) {
        Optional<LocalDate> kept = lockedBefore(jurisdictionId);
        if (kept.isEmpty() || kept.get().isBefore(firstOpen)) {
            deadlineSettings.put(LOCKED_BEFORE + jurisdictionId, firstOpen.toString());
            lockedBefore.put(jurisdictionId, Optional.of(firstOpen));
        }
    }

    private boolean lockedUnderEarlierSettings(String jurisdictionId, LocalDate date) {
        Optional<LocalDate> before = lockedBefore(jurisdictionId);
        return before.isPresent() && date.isBefore(before.get());
    }

    private Optional<LocalDate> lockedBefore(String jurisdictionId) {
        return lockedBefore.computeIfAbsent(jurisdictionId, id ->
                Optional.ofNullable(deadlineSettings.get(LOCKED_BEFORE + id)).map(LocalDate::parse));
    }

    private void openDay(Jurisdiction jurisdiction, LocalDate date, List<Unit> owned, Instant now) {
        DaySchedule schedule = schedules.of(jurisdiction, date);
        String dayOfJurisdiction = Keys.ofDay(jurisdiction.getId(), date);
        deadlines.schedule(schedule.bulletin(), Deadline.DAY_CLOSE, dayOfJurisdiction);
        for (Unit unit : owned) {
            if (Attendance.expected(unit, date)) {
                openUnitDay(unit, jurisdiction, date, now);
            }
        }
    }

    private UnitDayStatus openUnitDay(Unit unit, Jurisdiction jurisdiction, LocalDate date, Instant now) {
        String dayKey = Keys.ofDay(unit.getId(), date);
        UnitDayStatus existing = unitDays.get(dayKey);
        if (existing != null) {
            return existing;
        }
        UnitDayStatus status = UnitDay.expected(unit.getId(), jurisdiction.getId(), date, now);
        UnitDayEntry stored = unitDays.put(dayKey, status);
        DaySchedule schedule = schedules.of(jurisdiction, date);
        for (Deadline deadline : UNIT_DEADLINES) {
            deadlines.schedule(schedule.at(deadline), deadline, dayKey);
        }
        context.forward(new Record<>(dayKey, stored, now.toEpochMilli()));
        contribute(status, unit, jurisdiction, now, true);
        return status;
    }

    /** Applies what has fallen due since the last look, in due order; in a quiet moment sweeps applied entries. */
    private void applyDue(Instant now) {
        List<DeadlineKey> due = deadlines.takeDue(now);
        if (due.isEmpty()) {
            deadlines.sweep(SWEEP_LIMIT, now);
            return;
        }
        for (DeadlineKey deadline : due) {
            if (deadline.kind() == Deadline.DAY_CLOSE) {
                closeDay(deadline, now);
            } else {
                applyDeadline(deadline, now);
            }
        }
    }

    private void applyDeadline(DeadlineKey deadline, Instant now) {
        String dayKey = deadline.subject();
        UnitDayStatus status = unitDays.get(dayKey);
        if (status == null) {
            return;
        }
        LocalDate date = status.getDate();
        Unit unit = units.get(status.getUnitId());
        Jurisdiction jurisdiction = jurisdiction(status.getJurisdictionId());
        boolean expected = Attendance.expected(unit, date);
        if (jurisdiction != null && (expected || deadline.kind() == Deadline.LOCK) && unit != null) {
            Transition transition = UnitDay.onDeadline(status, deadline.kind(), schedules.of(jurisdiction, date), now);
            apply(status, transition, dayKey, unit, jurisdiction, date, now, true);
        }
        if (deadline.kind() == Deadline.LOCK) {
            forget(dayKey, now);
        }
    }

    /** A locked day can change no more: its state and alert ids leave the stores, which stay bounded. */
    private void forget(String dayKey, Instant now) {
        // What the next punctuation would have done for it is done now (its due status went out as this one began).
        if (judgementsDue.remove(dayKey)) {
            runFor(dayKey, judging(now));
            settledSomething = true;
        }
        if (sharesDue.remove(dayKey)) {
            runFor(dayKey, sharing(now));
            settledSomething = true;
        }
        unitDays.delete(dayKey);
        subtotals.forget(dayKey, Keys.dateOf(dayKey));
        quality.forget(dayKey);
    }

    private void closeDay(DeadlineKey deadline, Instant now) {
        String jurisdictionId = Keys.idOf(deadline.subject());
        LocalDate date = Keys.dateOf(deadline.subject());
        List<UnitDayStatus> statuses = new ArrayList<>();
        for (Unit unit : unitsOf(jurisdictionId)) {
            UnitDayStatus status = Attendance.expected(unit, date)
                    ? unitDays.get(Keys.ofDay(unit.getId(), date)) : null;
            if (status != null) {
                statuses.add(status);
            }
        }
        statuses.sort(Comparator.comparing(UnitDayStatus::getUnitId));
        // The entry may have been filed later than the cutoff (a day opened after it): the snapshot names the cutoff.
        Jurisdiction jurisdiction = jurisdiction(jurisdictionId);
        Instant closedAt = jurisdiction == null ? deadline.due() : schedules.of(jurisdiction, date).bulletin();
        DayClosed part = DayClosed.newBuilder()
                .setJurisdictionId(jurisdictionId)
                .setDate(date)
                .setClosedAt(closedAt)
                .setUnits(statuses)
                .setPartition(context.taskId().partition())
                .setPartitions(partitions)
                .build();
        context.forward(new Record<>(deadline.subject(), part, now.toEpochMilli()));
    }

    /**
     * Applies a transition of the unit-day whose stored status was {@code before}. A deadline's ({@code atOnce}) changes
     * each unit-day once, so there is nothing to wait for: its status and changed share go at once. A report's status
     * goes at once unless the unit-day's went out already in this punctuation interval, and its changed share at the
     * next punctuation.
     */
    private void apply(UnitDayStatus before, Transition transition, String dayKey, Unit unit,
                       Jurisdiction jurisdiction, LocalDate date, Instant now, boolean atOnce) {
        boolean expected = Attendance.expected(unit, date);
        if (transition.changed()) {
            UnitDayEntry stored = unitDays.put(dayKey, transition.status());
            if (atOnce || statusesSent.add(dayKey)) {
                context.forward(new Record<>(dayKey, stored, now.toEpochMilli()));
            } else {
                statusesDue.add(dayKey);
            }
            // A revision the roll-ups cannot see (the same figures re-signed, a narrative edit) sends nothing. Every
            // share toward an ancestor is the unit's own share re-addressed, so comparing the own shares is enough.
            // A report's share goes at the next punctuation, once, however many revisions come before it.
            boolean shareChanged = before == null || !Contribution.sameShare(before, transition.status());
            if (shareChanged && atOnce) {
                contribute(transition.status(), unit, jurisdiction, now, false);
            } else if (shareChanged) {
                sharesDue.add(dayKey);
            }
            // Only a signed day has figures to judge (a deadline's MISSING has none).
            if (!transition.status().getLocked() && QualityChecks.isSigned(transition.status())) {
                judgementsDue.add(dayKey);
            }
        }
        // A suspended or inactive unit raises nothing.
        List<AlertChange> changes = expected ? transition.alerts() : resolutionsOf(transition.alerts());
        for (AlertChange change : alerts.settle(dayKey, changes,
                c -> AlertIds.of(c.type(), unit.getId(), date, c.ruleId()), AlertChange::raises)) {
            var event = composer.compose(change, unit, jurisdiction, schedules.of(jurisdiction, date), now);
            context.forward(new Record<>(event.getAlertId(), event, now.toEpochMilli()));
        }
    }

    private static List<AlertChange> resolutionsOf(List<AlertChange> changes) {
        return changes.stream().filter(change -> !change.raises()).toList();
    }

    /**
     * The unit-day's share of its own roll-up and of its parent's, each to the node's roll-up task; its shares of the
     * ancestors further up go into this task's subtotals, sent at the end of the punctuation or of the roster change
     * (decision 282). The roster unit rides along only when the day opens or the roster changes it; the roll-up task
     * remembers it.
     */
    private void contribute(UnitDayStatus status, Unit unit, Jurisdiction jurisdiction, Instant now,
                            boolean withUnit) {
        LocalDate date = status.getDate();
        List<Contribution> alone = subtotals.place(Keys.ofDay(unit.getId(), date), jurisdiction.getId(), date,
                Contribution.towardAncestors(Contribution.ownOf(status, unit), unit));
        forwardShares(jurisdiction, date, alone, withUnit ? unit : null, now.toEpochMilli());
    }

    /** Each share to its node's roll-up task; the roster unit, when given, rides along with the unit's own share. */
    private void forwardShares(Jurisdiction jurisdiction, LocalDate date, List<Contribution> shares, Unit unit,
                               long timestamp) {
        for (Contribution contribution : shares) {
            NodeContribution share = new NodeContribution(jurisdiction.getId(), date, contribution,
                    contribution.depth() == 0 ? unit : null);
            context.forward(new Record<>(Keys.ofDay(contribution.nodeId(), date), share, timestamp));
        }
    }

    private void judge(String dayKey, UnitDayStatus status, Unit unit, Jurisdiction jurisdiction, Instant now,
                       boolean expected) {
        FindingChanges changes = quality.onStatus(dayKey, status, unit, jurisdiction);
        if (expected) {
            changes.raised().forEach(finding -> raise(finding, dayKey, unit, jurisdiction, now));
        }
        for (String alertId : changes.resolvedAlertIds()) {
            if (alerts.resolve(dayKey, alertId)) {
                AlertEvent event = composer.resolution(alertId, unit, jurisdiction, status.getDate(), now);
                context.forward(new Record<>(alertId, event, now.toEpochMilli()));
            }
        }
    }

    private void raise(RuleFinding finding, String dayKey, Unit unit, Jurisdiction jurisdiction, Instant now) {
        if (Attendance.expected(unit, finding.date()) && alerts.raise(dayKey, finding.alertId())) {
            AlertEvent event = composer.compose(finding, unit, jurisdiction, now);
            context.forward(new Record<>(event.getAlertId(), event, now.toEpochMilli()));
        }
    }

    private List<Unit> unitsOf(String jurisdictionId) {
        List<Unit> owned = new ArrayList<>();
        try (KeyValueIterator<String, Unit> it = unitStore.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && jurisdictionId.equals(kv.value.getJurisdictionId())) {
                    owned.add(kv.value);
                }
            });
        }
        return owned;
    }

    private Jurisdiction jurisdiction(String id) {
        if (id == null) {
            return null;
        }
        Jurisdiction cached = jurisdictionCache.get(id);
        if (cached == null) {
            cached = jurisdictions.get(id);
            if (cached != null) {
                jurisdictionCache.put(id, cached);
            }
        }
        return cached;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new InvalidRecordException(problem);
        }
    }
}
