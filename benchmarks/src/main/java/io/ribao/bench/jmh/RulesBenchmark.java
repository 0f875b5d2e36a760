package io.ribao.bench.jmh;

import io.ribao.aggregation.day.DaySchedule;
import io.ribao.aggregation.day.Transition;
import io.ribao.aggregation.day.UnitDay;
import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.NodeAggregate;
import io.ribao.aggregation.rollup.NodeTotals;
import io.ribao.aggregation.rules.MetricNames;
import io.ribao.aggregation.rules.QualityChecks;
import io.ribao.aggregation.rules.RuleFinding;
import io.ribao.aggregation.rules.UnitHistory;
import io.ribao.bench.fixture.BenchRoster;
import io.ribao.bench.fixture.ReportEvents;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-report work of aggregation-streams outside Kafka: the unit-day state machine, the data-quality rules on a
 * signed day with four weeks of history, and one revision applied to a county roll-up of {@code sources} units, both
 * as a full aggregate ({@link NodeAggregate}) and as running totals ({@link NodeTotals}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.ribao")
public class RulesBenchmark {

    @Param({"1000"})
    public int sources;

    private QualityChecks checks;
    private BenchRoster roster;
    private Unit unit;
    private ReportEvent report;
    private DaySchedule schedule;
    private UnitDayStatus expected;
    private UnitDayStatus signed;
    private UnitHistory history;
    private Instant now;
    private NodeAggregate aggregate;
    private NodeTotals totals;
    private Contribution previous;
    private Contribution revised;
    private Contribution current;

    @Setup
    public void setUp() {
        LocalDate date = LocalDate.of(2026, 3, 14);
        now = Instant.parse("2026-03-14T07:00:00Z");
        roster = BenchRoster.generate(sources + 1, BenchRoster.Deadlines.lateInTheDay(), date.minusDays(60));
        checks = new QualityChecks(MetricNames.of(List.of(roster.form())));
        schedule = DaySchedule.of(roster.jurisdiction(), date);
        List<Unit> units = roster.reportingUnits();
        unit = units.get(units.size() - 1);
        report = ReportEvents.signed(unit.getId(), date, 1, now);
        expected = UnitDay.expected(unit.getId(), roster.jurisdiction().getId(), date, now);
        signed = UnitDay.onReport(expected, report, schedule, now).status();
        UnitHistory h = UnitHistory.empty();
        for (int d = 28; d >= 1; d--) {
            h = h.record(date.minusDays(d), false, ReportEvents.signed(unit.getId(), date, 1, now).getMetrics());
        }
        history = h;

        aggregate = new NodeAggregate();
        totals = new NodeTotals();
        List<Contribution> toRoot = new ArrayList<>();
        for (Unit u : units) {
            UnitDayStatus s = UnitDay.onReport(UnitDay.expected(u.getId(), u.getJurisdictionId(), date, now),
                    ReportEvents.signed(u.getId(), date, 1, now), schedule, now).status();
            Contribution c = atRoot(Contribution.of(s, u));
            toRoot.add(c);
            aggregate.apply(c);
            totals.apply(null, c);
        }
        previous = toRoot.get(toRoot.size() - 1);
        UnitDayStatus revisedStatus = UnitDay.onReport(signed, ReportEvents.signed(unit.getId(), date, 2, now),
                schedule, now).status();
        revised = atRoot(Contribution.of(revisedStatus, unit));
        current = previous;
    }

    private static Contribution atRoot(List<Contribution> path) {
        return path.get(path.size() - 1);
    }

    @Benchmark
    public Transition unitDayOnReport() {
        return UnitDay.onReport(expected, report, schedule, now);
    }

    @Benchmark
    public List<RuleFinding> qualityChecksOnSignedDay() {
        List<RuleFinding> findings = new ArrayList<>(checks.onReport(report));
        findings.addAll(checks.onSignedUnitDay(signed, unit, roster.form(), roster.jurisdiction(), history));
        return findings;
    }

    /** A revision replaces the unit's contribution to the county, then the county's totals are read for the roll-up. */
    @Benchmark
    public Map<String, Long> nodeAggregateRevision() {
        Contribution next = current == previous ? revised : previous;
        aggregate.apply(next);
        current = next;
        return aggregate.metricTotals();
    }

    @Benchmark
    public Map<String, Long> nodeTotalsRevision() {
        Contribution next = current == previous ? revised : previous;
        totals.apply(current, next);
        current = next;
        return totals.metricTotals();
    }
}
