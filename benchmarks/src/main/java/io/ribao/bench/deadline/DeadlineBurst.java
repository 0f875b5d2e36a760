package io.ribao.bench.deadline;

import io.ribao.aggregation.AggregationApp;
import io.ribao.aggregation.AggregationSettings;
import io.ribao.bench.BenchArgs;
import io.ribao.bench.Poll;
import io.ribao.bench.fixture.BenchRoster;
import io.ribao.bench.kafka.AlertCounter;
import io.ribao.bench.kafka.BenchBroker;
import io.ribao.bench.kafka.BenchProducer;
import io.ribao.bench.kafka.StableOffsets;
import io.ribao.registry.SchemaRegistries;
import io.ribao.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * DESIGN.md §12 "deadline burst": {@code --units} expected units (100,000 by default, the county included), none
 * reported; the submission deadline {@code --lead} seconds after the start (wall clock, in Asia/Shanghai, or in a fixed
 * offset where it is mid-morning when Shanghai's day would turn before the bulletin cutoff). Measures from
 * the deadline to the commit of the last {@code MISSING} alert — the moment the last stable offsets of the alert
 * partitions passed it ({@link StableOffsets}, decision 604) — and, for comparison, to the moment a read_committed
 * consumer has seen them all (which adds the time it takes to drain the burst's alerts); also the first seen. The
 * reminder is set to the start time, so the {@code DUE_SOON} burst happens (and is awaited) before the deadline,
 * apart from it.
 *
 * <p>Options: {@code --units=100000 --partitions=3 --lead=120 --threads=1 --cache-mib=24 --zone=} (stream threads of
 * the app, its {@code stateCacheMiB}; the jurisdiction's time zone, chosen as above when not given);
 * {@code --rehearsal-units=0 --rehearsal-lead=30}: a second jurisdiction of that many units whose deadline falls that
 * many seconds before the measured one ({@link Rehearsal}), so the measured burst meets a JVM that has been through a
 * deadline before.
 */
public final class DeadlineBurst {

    private static final String REGISTRY = "mem://bench-deadline";

    private static final Duration BULLETIN_AFTER_DEADLINE = Duration.ofHours(1);

    /** How often the alert partitions' last stable offsets are sampled from the deadline on. */
    private static final Duration STABLE_OFFSET_SAMPLES = Duration.ofMillis(10);

    private DeadlineBurst() {
    }

    /**
     * Asia/Shanghai when its day lasts from {@code start} past {@code last}; otherwise a whole-hour offset where
     * {@code start} falls at about ten in the morning, so the run never straddles a local midnight.
     */
    static ZoneId zoneWithRoomFor(Instant start, Instant last) {
        ZoneId shanghai = BenchRoster.Deadlines.SHANGHAI;
        if (LocalDate.ofInstant(start, shanghai).equals(LocalDate.ofInstant(last, shanghai))) {
            return shanghai;
        }
        int utcHour = start.atOffset(ZoneOffset.UTC).getHour();
        int hours = Math.floorMod(10 - utcHour + 12, 24) - 12;
        return ZoneOffset.ofHours(hours);
    }

    /** Waits for the rehearsal's MISSING alerts, at most until the measured deadline. */
    private static void rehearse(Rehearsal rehearsal, AlertCounter alerts, Clock clock, Instant deadline)
            throws InterruptedException {
        String missing = Rehearsal.labelOf("MISSING");
        int expected = rehearsal.units();
        try {
            Poll.until(() -> alerts.count(missing) >= expected, Duration.ofMillis(20),
                    Duration.between(clock.instant(), deadline), "the rehearsal");
            System.out.printf(Locale.ROOT, "rehearsal: %d MISSING alerts committed %.2f s after its deadline %s%n",
                    expected, secondsAfter(rehearsal.deadline(), alerts.lastSeenMillis(missing)),
                    rehearsal.deadline());
        } catch (IllegalStateException e) {
            System.out.printf(Locale.ROOT, "WARNING: the rehearsal had %d of %d MISSING alerts by the measured "
                    + "deadline; the figure below includes it (raise --lead or --rehearsal-lead)%n",
                    alerts.count(missing), expected);
        }
    }

    private static double secondsAfter(Instant deadline, long millis) {
        return (millis - deadline.toEpochMilli()) / 1000.0;
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int units = options.integer("units", 100_000);
        int partitions = options.integer("partitions", 3);
        int lead = options.integer("lead", 120);
        int threads = options.integer("threads", 1);
        int cacheMiB = options.integer("cache-mib", AggregationSettings.DEFAULT_STATE_CACHE_MIB);
        int rehearsalUnits = options.integer("rehearsal-units", 0);
        int rehearsalLead = options.integer("rehearsal-lead", 30);
        Clock clock = Clock.systemUTC();

        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant deadline = start.plusSeconds(lead);
        String zoneOption = options.text("zone", "");
        ZoneId zone = zoneOption.isEmpty() ? zoneWithRoomFor(start, deadline.plus(BULLETIN_AFTER_DEADLINE))
                : ZoneId.of(zoneOption);
        BenchRoster.Deadlines deadlines = BenchRoster.Deadlines.at(zone, start, deadline, BULLETIN_AFTER_DEADLINE);
        LocalDate activeFrom = LocalDate.ofInstant(start, zone).minusDays(30);
        BenchRoster roster = BenchRoster.generate(units, deadlines, activeFrom);
        Rehearsal rehearsal = rehearsalUnits < 2 ? null : Rehearsal.of(rehearsalUnits, start,
                deadline.minusSeconds(rehearsalLead), zone, activeFrom);

        try (BenchBroker broker = BenchBroker.start(partitions)) {
            Topics topics = new Topics(SchemaRegistries.forUrl(REGISTRY));
            try (BenchProducer producer = new BenchProducer(broker.bootstrapServers(), topics)) {
                producer.sendRoster(roster);
                if (rehearsal != null) {
                    producer.sendRoster(rehearsal.roster());
                }
                producer.flush();
            }
            System.out.printf(Locale.ROOT, "roster of %d units written; reminder %s, submission deadline %s %s (%s)%n",
                    units, deadlines.reminder(), deadlines.submission(), zone.getId(), deadline);
            try (AlertCounter alerts = new AlertCounter(broker.bootstrapServers(), clock, Rehearsal::label);
                 AggregationApp app = AggregationApp.start(AggregationSettings.of(broker.bootstrapServers(), REGISTRY,
                         broker.dir().resolve("streams")).withApplicationId("bench-deadline")
                         .withReportPartitions(partitions).withNumStreamThreads(threads)
                         .withStateCacheMiB(cacheMiB))) {
                Duration untilDeadline = Duration.between(clock.instant(), deadline);
                Poll.until(() -> alerts.count("DUE_SOON") >= units || !clock.instant().isBefore(deadline),
                        Duration.ofMillis(100), untilDeadline.plusSeconds(5), "the reminder burst");
                long dueSoon = alerts.count("DUE_SOON");
                double warmUp = Duration.between(start, Instant.ofEpochMilli(alerts.lastSeenMillis("DUE_SOON")))
                        .toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "before the deadline: %d DUE_SOON alerts committed, the last %.1f s "
                        + "after the start%n", dueSoon, warmUp);
                if (dueSoon < units) {
                    System.out.println("WARNING: the reminder burst had not finished by the deadline; "
                            + "the figure below includes it (raise --lead)");
                }
                if (rehearsal != null) {
                    rehearse(rehearsal, alerts, clock, deadline);
                }
                if (alerts.count("MISSING") > 0) {
                    throw new IllegalStateException("MISSING alerts before the deadline: the clock or the roster is off");
                }
                Poll.until(() -> !clock.instant().isBefore(deadline), Duration.ofMillis(1),
                        Duration.between(clock.instant(), deadline).plusSeconds(5), "the deadline");
                BurstCost atDeadline = BurstCost.now();
                try (StableOffsets stable = new StableOffsets(broker.bootstrapServers(), Topics.ALERTS, clock,
                        STABLE_OFFSET_SAMPLES)) {
                    Poll.until(() -> alerts.count("MISSING") >= units, Duration.ofMillis(20), Duration.ofMinutes(10),
                            units + " MISSING alerts");
                    BurstCost cost = BurstCost.now().since(atDeadline);
                    Map<Integer, Long> lastMissing = alerts.lastOffsets("MISSING");
                    Poll.until(() -> stable.committedMillis(lastMissing) > 0, Duration.ofMillis(5),
                            Duration.ofSeconds(10), "a stable offset past the last MISSING alert");
                    double committed = secondsAfter(deadline, stable.committedMillis(lastMissing));
                    System.out.printf(Locale.ROOT, "the first MISSING alert seen %.2f s after the deadline%n",
                            secondsAfter(deadline, alerts.firstSeenMillis("MISSING")));
                    System.out.println("from the deadline to the last MISSING alert: " + cost.describe(units));
                    System.out.printf(Locale.ROOT, "RESULT deadline burst: %d MISSING alerts committed %.2f s after "
                                    + "the deadline (the alert partitions' last stable offsets passed the last one; "
                                    + "bar <= 5 s), all seen by a read_committed consumer %.2f s after it; app state "
                                    + "%s%n", alerts.count("MISSING"), committed,
                            secondsAfter(deadline, alerts.lastSeenMillis("MISSING")), app.state());
                }
            }
        }
    }
}
