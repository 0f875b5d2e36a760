package io.ribao.aggregation;

import static io.ribao.aggregation.RosterFixtures.jurisdiction;
import static io.ribao.aggregation.RosterFixtures.report;
import static io.ribao.aggregation.RosterFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.status.UnitDayStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized schedules of drafts, sign-offs, revisions, clock steps, outages (the app down while reports queue up,
 * then a jump of the clock) and restarts checked against {@link DeadlineOracle}. Each driver run carries one
 * independent schedule per unit, so 20 runs × 100 units = 2,000 schedules by default. Seeded; the seed is in every failure message. Override with
 * {@code -Dribao.model.seed=...} and {@code -Dribao.model.runs=...}.
 *
 * <p>Half the outages end in a restart ({@link AggregationDriver#restartAt}: a new driver, new processors with empty
 * caches, on the stores' content as a restore from the changelogs would leave them); the other half resume the same
 * driver. Restarts with state restored from a real broker are covered by {@link MissingAlertOnTheRealClockTest}.
 */
class DeadlineModelTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);
    private static final int UNITS = 100;
    private static final Map<String, Long> FIGURES = Map.of("persons_isolated", 1L);

    @TempDir
    Path dir;
    private int restartsSeen;

    private record Action(String unit, LocalDate date, int revision, Instant signedAt, Instant at) {
    }

    @Test
    void randomSchedulesMatchTheOracle() throws Exception {
        long seed = Long.getLong("ribao.model.seed", System.nanoTime());
        int runs = Integer.getInteger("ribao.model.runs", 20);
        for (int run = 0; run < runs; run++) {
            long runSeed = seed + run;
            runOne(runSeed, Files.createDirectory(dir.resolve("run-" + run)));
        }
        assertThat(restartsSeen).as("real restarts across the runs (seed %d)", seed).isPositive();
    }

    private void runOne(long seed, Path stateDir) {
        Random random = new Random(seed);
        String context = "seed " + seed + " (rerun with -Dribao.model.seed=" + seed + " -Dribao.model.runs=1)";
        List<String> units = IntStream.range(0, UNITS).mapToObj(i -> "u" + i).collect(Collectors.toList());
        Instant start = AggregationDriver.at(D, "00:00:30");
        DeadlineOracle oracle = new DeadlineOracle(AggregationDriver.ZONE, units);
        Map<String, Integer> revisions = new HashMap<>();
        Map<String, Boolean> draftPending = new HashMap<>();
        List<UnitDayStatus> statuses = new ArrayList<>();
        List<AlertEvent> alerts = new ArrayList<>();

        AggregationDriver driver = AggregationDriver.inMemory(stateDir.resolve("start"), start);
        int restarts = 0;
        try {
            driver.publish(jurisdiction().build());
            for (String u : units) {
                driver.publish(unit(u).build());
            }
            Instant now = start.plusSeconds(1);
            Instant end = AggregationDriver.at(D.plusDays(4), "02:00");
            advance(driver, oracle, now);
            List<Action> queued = new ArrayList<>();
            boolean down = false;
            while (now.isBefore(end)) {
                now = now.plus(step(random));
                boolean back = false;
                if (!down && random.nextInt(10) == 0) {
                    down = true;
                } else if (down && random.nextInt(3) == 0) {
                    down = false;
                    back = true;
                }
                if (back && random.nextBoolean()) {
                    // a real restart: new processors on the stores' content; their first punctuation falls at now
                    statuses.addAll(driver.statuses.readValuesToList());
                    alerts.addAll(driver.readAlerts());
                    driver = driver.restartAt(stateDir.resolve("restart-" + ++restarts),
                            now.minus(AggregationSettings.DEFAULT_PUNCTUATION_INTERVAL));
                }
                if (!down) {
                    advance(driver, oracle, now);
                    for (Action action : queued) {
                        deliver(driver, oracle, action, now);
                    }
                    queued.clear();
                }
                for (String u : units) {
                    if (random.nextInt(100) >= 15) {
                        continue;
                    }
                    LocalDate today = now.atZone(AggregationDriver.ZONE).toLocalDate();
                    LocalDate date = random.nextBoolean() || today.equals(D) ? today : today.minusDays(1);
                    if (!oracle.open(u, date, now) && !down) {
                        continue;
                    }
                    String key = DeadlineOracle.key(u, date);
                    int last = revisions.getOrDefault(key, 0);
                    boolean signExisting = draftPending.getOrDefault(key, false) && random.nextBoolean();
                    boolean signed = signExisting || random.nextBoolean();
                    int revision = signExisting ? last : last + 1;
                    revisions.put(key, revision);
                    draftPending.put(key, !signed);
                    Action action = new Action(u, date, revision, signed ? now : null, now);
                    if (down) {
                        queued.add(action);
                    } else {
                        deliver(driver, oracle, action, now);
                    }
                }
                statuses.addAll(driver.statuses.readValuesToList());
                alerts.addAll(driver.readAlerts());
            }
            Instant last = now.plusSeconds(1);
            advance(driver, oracle, last);
            for (Action action : queued) {
                deliver(driver, oracle, action, last);
            }
            // a unit-day's status changed again within a punctuation interval goes out at the next punctuation
            advance(driver, oracle, last.plus(AggregationSettings.DEFAULT_PUNCTUATION_INTERVAL));
            statuses.addAll(driver.statuses.readValuesToList());
            alerts.addAll(driver.readAlerts());
            driver.dayClosed.readValuesToList();
            driver.deadLetters.readValuesToList();
            assertThat(driver.outputsEmpty()).as(context).isTrue();
        } finally {
            driver.close();
        }
        restartsSeen += restarts;

        Map<String, UnitDayStatus> latest = new HashMap<>();
        statuses.forEach(s -> latest.put(s.getUnitId() + "/" + s.getDate(), s));
        assertThat(latest.keySet()).as("unit-days, " + context).containsExactlyInAnyOrderElementsOf(oracle.dayKeys());
        for (UnitDayStatus status : latest.values()) {
            assertThat(status.getState().name())
                    .as("state of %s/%s, %s", status.getUnitId(), status.getDate(), context)
                    .isEqualTo(oracle.state(status.getUnitId(), status.getDate()));
            assertThat(status.getSignedRevision())
                    .as("signed revision of %s/%s, %s", status.getUnitId(), status.getDate(), context)
                    .isEqualTo(oracle.signedRevision(status.getUnitId(), status.getDate()));
        }
        List<String> raised = ids(alerts, AlertState.RAISED);
        List<String> resolved = ids(alerts, AlertState.RESOLVED);
        assertThat(raised).as("raised once each, " + context).doesNotHaveDuplicates();
        assertThat(resolved).as("resolved once each, " + context).doesNotHaveDuplicates();
        assertThat(new LinkedHashSet<>(raised)).as("raised alert ids, " + context)
                .containsExactlyInAnyOrderElementsOf(oracle.raised());
        assertThat(new LinkedHashSet<>(resolved)).as("resolved alert ids, " + context)
                .containsExactlyInAnyOrderElementsOf(oracle.resolved());
    }

    private static void advance(AggregationDriver driver, DeadlineOracle oracle, Instant now) {
        driver.advanceTo(now);
        oracle.clock(now);
    }

    private static void deliver(AggregationDriver driver, DeadlineOracle oracle, Action action, Instant now) {
        driver.publish(report(action.unit(), action.date(), action.revision(), action.at(), action.signedAt(), FIGURES));
        oracle.report(action.unit(), action.date(), action.revision(), action.signedAt(), now);
    }

    /** Mostly minutes to a few hours; now and then an outage-sized jump of most of a day. */
    private static Duration step(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> Duration.ofHours(6 + random.nextInt(14));
            case 1, 2, 3 -> Duration.ofMinutes(1 + random.nextInt(30));
            default -> Duration.ofMinutes(30 + random.nextInt(240));
        };
    }

    private static List<String> ids(List<AlertEvent> alerts, AlertState state) {
        return alerts.stream().filter(a -> a.getState() == state).map(AlertEvent::getAlertId).collect(Collectors.toList());
    }
}
