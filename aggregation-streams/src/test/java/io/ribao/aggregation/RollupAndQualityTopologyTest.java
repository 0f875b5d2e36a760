package io.ribao.aggregation;

import static io.ribao.aggregation.AggregationDriver.at;
import static io.ribao.aggregation.RosterFixtures.jurisdiction;
import static io.ribao.aggregation.RosterFixtures.report;
import static io.ribao.aggregation.RosterFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.report.MetricChange;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.ReconciliationRule;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roll-ups and the data-quality rules wired into the production topology. */
class RollupAndQualityTopologyTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);

    @TempDir
    Path stateDir;

    private AggregationDriver driver;

    @BeforeEach
    void startWithATownshipAndTwoCheckpoints() {
        driver = new AggregationDriver(stateDir, at(D, "08:00"));
        driver.publish(jurisdiction().setReconciliation(List.of(ReconciliationRule.newBuilder()
                .setId("isolation-vs-checkpoints").setParentMetric("centralized_isolation")
                .setChildMetric("persons_isolated").setChildKinds(List.of(UnitKind.CHECKPOINT)).setTolerance(0)
                .build())).build());
        driver.publish(unit("twn-a").setTargets(Map.of("vaccine_doses", 100L)).build());
        for (String checkpoint : List.of("chk-1", "chk-2")) {
            driver.publish(unit(checkpoint).setKind(UnitKind.CHECKPOINT).setParentId("twn-a")
                    .setAncestorIds(List.of("demo-county", "twn-a")).build());
        }
        driver.advanceTo(D, "08:00:01");
        driver.statuses.readValuesToList();
        driver.rollups.readValuesToList();
        driver.advanceTo(D, "09:00");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void rollupSumsSignedFiguresUpTheTreeAndARevisionReplacesNotAdds() {
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 3L)));
        driver.publish(report("chk-2", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 4L)));
        driver.publish(report("chk-1", D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        tick();

        Map<String, Rollup> latest = driver.readLatestRollups();
        assertThat(latest.get("twn-a/2026-03-02").getMetrics()).containsEntry("persons_isolated", 9L);
        assertThat(latest.get("demo-county/2026-03-02").getMetrics()).containsEntry("persons_isolated", 9L);
        assertThat(latest.get("demo-county/2026-03-02").getCompleteness().getExpected()).isEqualTo(3);
        assertThat(latest.get("demo-county/2026-03-02").getCompleteness().getOnTime()).isEqualTo(2);
        assertThat(latest.get("chk-1/2026-03-02").getMetrics()).containsEntry("persons_isolated", 5L);
        driver.statuses.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void townshipReportingFewerIsolatedThanItsCheckpointsIsSuspectedOfConcealmentUntilItCorrects() {
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        driver.publish(report("twn-a", D, 1, driver.now(), driver.now(),
                Map.of("centralized_isolation", 2L, "vaccine_doses", 100L)));
        tick();

        List<AlertEvent> raised = driver.readAlerts();
        assertThat(raised).extracting(AlertEvent::getAlertId)
                .containsExactly("CONCEALMENT_SUSPECTED:twn-a:2026-03-02:reconciliation:isolation-vs-checkpoints");
        AlertEvent concealment = raised.get(0);
        assertThat(concealment.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(concealment.getRecipients()).containsExactly("p-twn-a", "s-twn-a", "u-office");
        assertThat(concealment.getMessage()).contains("twn-a", "2026-03-02");
        // the evidence names each signed checkpoint, read from the node's sources only now that the rule fired
        assertThat(concealment.getEvidence()).containsEntry("childrenSum", "5").containsEntry("child:chk-1", "5")
                .doesNotContainKey("child:chk-2");

        driver.publish(report("twn-a", D, 2, driver.now(), driver.now(),
                Map.of("centralized_isolation", 5L, "vaccine_doses", 100L)));
        tick();
        List<AlertEvent> resolved = driver.readAlerts();
        assertThat(resolved).extracting(a -> a.getAlertId() + "/" + a.getState()).containsExactly(
                "CONCEALMENT_SUSPECTED:twn-a:2026-03-02:reconciliation:isolation-vs-checkpoints/RESOLVED");
        driver.statuses.readValuesToList();
        driver.rollups.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void signedRevisionThatLowersAFigureIsFlaggedOnce() {
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        ReportEvent lowered = report("chk-1", D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 1L));
        lowered.setLowered(List.of(MetricChange.newBuilder().setCode("persons_isolated").setFrom(5).setTo(1).build()));
        driver.publish(lowered);
        ReportEvent again = report("chk-1", D, 3, driver.now(), driver.now(), Map.of("persons_isolated", 0L));
        again.setLowered(List.of(MetricChange.newBuilder().setCode("persons_isolated").setFrom(1).setTo(0).build()));
        driver.publish(again);

        List<AlertEvent> alerts = driver.readAlerts();
        assertThat(alerts).extracting(AlertEvent::getAlertId)
                .containsExactly("CONCEALMENT_SUSPECTED:chk-1:2026-03-02:downward-revision");
        assertThat(alerts.get(0).getEvidence()).containsEntry("persons_isolated.from", "5")
                .containsEntry("persons_isolated.to", "1");
        driver.statuses.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void dailyTargetNotMetRaisesTargetMissed() {
        townshipSigns(1, 80L);
        assertThat(driver.readAlerts()).as("judged at the punctuation").isEmpty();
        punctuate();

        List<AlertEvent> alerts = driver.readAlerts();
        assertThat(alerts).extracting(AlertEvent::getAlertId, AlertEvent::getState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "TARGET_MISSED:twn-a:2026-03-02:target:vaccine_doses", AlertState.RAISED));
        tick();
        Map<String, Rollup> latest = driver.readLatestRollups();
        assertThat(latest.get("twn-a/2026-03-02").getTargetsMissed()).isEqualTo(1);
        driver.statuses.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void aTargetTheRosterChangesIsJudgedAgainOnTheDaysFigures() {
        // given a township that met its target of 100
        townshipSigns(1, 120L);
        tick();
        assertThat(driver.readAlerts()).isEmpty();

        // when a reload raises the day's target past its figure, then lowers it again
        driver.publish(unit("twn-a").setTargets(Map.of("vaccine_doses", 150L)).build());
        tick();
        List<AlertEvent> raised = driver.readAlerts();
        driver.publish(unit("twn-a").setTargets(Map.of("vaccine_doses", 100L)).build());
        tick();

        // then the target is missed while it is 150, and met again at 100
        assertThat(raised).extracting(AlertEvent::getAlertId, AlertEvent::getState).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TARGET_MISSED:twn-a:2026-03-02:target:vaccine_doses",
                        AlertState.RAISED));
        assertThat(driver.readAlerts()).extracting(AlertEvent::getAlertId, AlertEvent::getState).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TARGET_MISSED:twn-a:2026-03-02:target:vaccine_doses",
                        AlertState.RESOLVED));
    }

    @Test
    void aRevisionCorrectedBeforeThePunctuationIsJudgedOnItsLatestFiguresOnly() {
        // given a township signs below its target and corrects it at once
        townshipSigns(1, 80L);
        townshipSigns(2, 100L);

        // when the punctuation judges the day
        punctuate();

        // then no alert is raised and resolved for the figures nobody reads any more
        assertThat(driver.readAlerts()).isEmpty();
        driver.statuses.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void aDayNotYetJudgedWhenTheAppStopsIsJudgedOnceAfterTheRestart() {
        // given a report below target committed, the app stopping before the punctuation that would judge it
        townshipSigns(1, 80L);
        driver.statuses.readValuesToList();

        // when it starts again, then the day is judged: the target missed, once
        driver = driver.restartAt(stateDir, driver.now().plusSeconds(1));
        punctuate();
        assertThat(driver.readAlerts()).extracting(AlertEvent::getAlertId)
                .containsExactly("TARGET_MISSED:twn-a:2026-03-02:target:vaccine_doses");
        // and a second restart judges it again without raising it again
        driver = driver.restartAt(stateDir, driver.now().plusSeconds(1));
        punctuate();
        assertThat(driver.readAlerts()).isEmpty();
    }

    @Test
    void aDayWaitingForThePunctuationWhenItLocksIsJudgedAndSentBeforeItIsForgotten() {
        // given a late report below target signed in the last second before the day locks (D + 3 days)
        driver.advanceTo(D.plusDays(3), "23:59:59");
        driver.readAlerts();
        townshipSigns(1, 80L);
        driver.readAlerts();
        driver.readShareKeys();

        // when the punctuation that applies the lock comes before any other
        driver.advanceTo(D.plusDays(4), "00:00:01");

        // then the day is judged and its share sent before it leaves the stores
        assertThat(driver.readAlerts()).extracting(AlertEvent::getAlertId)
                .contains("TARGET_MISSED:twn-a:2026-03-02:target:vaccine_doses");
        assertThat(driver.readShareKeys()).contains("twn-a/" + D, "demo-county/" + D);
    }

    @Test
    void theLastSharesOfADayThatLocksCompleteItsRollupInsteadOfStartingItAfresh() {
        // given a checkpoint's figures in the day's roll-up, and the township signing in the day's last second
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 3L)));
        tick();
        driver.advanceTo(D.plusDays(3), "23:59:59");
        driver.readLatestRollups();
        townshipSigns(1, 80L);

        // when the punctuations that apply the lock run before the township's shares reach the roll-up
        driver.advanceTo(D.plusDays(4), "00:00:01");
        tick();

        // then the day's last roll-up holds every unit's figures, the township's last revision with them
        Rollup county = driver.readLatestRollups().get("demo-county/" + D);
        assertThat(county.getMetrics()).containsEntry("persons_isolated", 3L).containsEntry("vaccine_doses", 80L);
        assertThat(county.getCompleteness().getExpected()).isEqualTo(3);
        // and the day still leaves the stores: nothing of it is written again later
        driver.advanceTo(D.plusDays(4), "06:00");
        assertThat(driver.readLatestRollups()).doesNotContainKey("demo-county/" + D);
    }

    @Test
    void aCheckpointsRevisionReadJustBeforeTheLockReachesTheCountyNotOnlyItsTownship() {
        // given a checkpoint (two levels below the county) in the day's roll-up
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 3L)));
        tick();
        driver.advanceTo(D.plusDays(3), "23:59:59");
        driver.readLatestRollups();

        // when its revision is read in the day's last second and the lock's punctuation comes before any other
        driver.publish(report("chk-1", D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        driver.advanceTo(D.plusDays(4), "00:00:01");
        tick();

        // then the county's last roll-up of the day holds the revision, as its township's does
        Map<String, Rollup> latest = driver.readLatestRollups();
        assertThat(latest.get("twn-a/" + D).getMetrics()).containsEntry("persons_isolated", 5L);
        assertThat(latest.get("demo-county/" + D).getMetrics()).containsEntry("persons_isolated", 5L);
    }

    @Test
    void suspendingAUnitMidDayWithdrawsItFromTheRollups() {
        driver.publish(unit("chk-2").setKind(UnitKind.CHECKPOINT).setParentId("twn-a")
                .setAncestorIds(List.of("demo-county", "twn-a")).setSuspended(true).build());
        tick();

        Map<String, Rollup> latest = driver.readLatestRollups();
        assertThat(latest.get("twn-a/2026-03-02").getCompleteness().getExpected()).isEqualTo(2);
        assertThat(latest.get("demo-county/2026-03-02").getCompleteness().getExpected()).isEqualTo(2);
        driver.advanceTo(D, "19:00");
        assertThat(driver.readAlerts()).extracting(AlertEvent::getUnitId).doesNotContain("chk-2");
        driver.statuses.readValuesToList();
        driver.dayClosed.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void aUnitSuspendedFromTodayStillCountsOnTheDaysBeforeAlsoAfterARestart() {
        driver.publish(report("chk-2", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 4L)));
        driver.advanceTo(D.plusDays(1), "09:00");
        driver.publish(report("chk-2", D.plusDays(1), 1, driver.now(), driver.now(),
                Map.of("persons_isolated", 6L)));
        tick();
        Map<String, Rollup> latest = new HashMap<>(driver.readLatestRollups());

        driver.publish(unit("chk-2").setKind(UnitKind.CHECKPOINT).setParentId("twn-a")
                .setAncestorIds(List.of("demo-county", "twn-a")).setSuspended(true)
                .setSuspendedFrom(D.plusDays(1)).build());
        tick();
        latest.putAll(driver.readLatestRollups());
        assertSuspendedFromTheSecondDay(latest, "live");

        driver = driver.restartAt(stateDir, driver.now().plusSeconds(1));
        tick();
        latest.putAll(driver.readLatestRollups());
        assertSuspendedFromTheSecondDay(latest, "after a restart");
        // and a revision of the day before the suspension still counts
        driver.publish(report("chk-2", D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        tick();
        assertThat(driver.readLatestRollups().get("demo-county/" + D).getMetrics())
                .containsEntry("persons_isolated", 5L);
    }

    private static void assertSuspendedFromTheSecondDay(Map<String, Rollup> latest, String when) {
        assertThat(latest.get("demo-county/" + D).getMetrics()).as("the day before, %s", when)
                .containsEntry("persons_isolated", 4L);
        assertThat(latest.get("demo-county/" + D).getCompleteness().getExpected()).as(when).isEqualTo(3);
        assertThat(latest.get("demo-county/" + D.plusDays(1)).getMetrics()).as("the day suspended, %s", when)
                .doesNotContainKey("persons_isolated");
        assertThat(latest.get("demo-county/" + D.plusDays(1)).getCompleteness().getExpected()).as(when)
                .isEqualTo(2);
    }

    @Test
    void closingAUnitBeforeADayStillOpenWithdrawsItFromThatDayAtOnceAsARestartWould() {
        driver.publish(report("chk-2", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 4L)));
        driver.advanceTo(D.plusDays(1), "09:00");
        tick();
        Map<String, Rollup> latest = new HashMap<>(driver.readLatestRollups());

        driver.publish(unit("chk-2").setKind(UnitKind.CHECKPOINT).setParentId("twn-a")
                .setAncestorIds(List.of("demo-county", "twn-a")).setActiveTo(D.minusDays(1)).build());
        tick();
        latest.putAll(driver.readLatestRollups());
        for (String when : List.of("live", "after a restart")) {
            Rollup county = latest.get("demo-county/" + D);
            assertThat(county.getMetrics()).as(when).doesNotContainKey("persons_isolated");
            assertThat(county.getCompleteness().getExpected()).as(when).isEqualTo(2);
            driver = driver.restartAt(stateDir, driver.now().plusSeconds(1));
            tick();
            latest.putAll(driver.readLatestRollups());
        }
    }

    @Test
    void movingAUnitToAnotherTownshipMovesItsShareThereTodayAndOnTheDaysStillOpen() {
        driver.publish(unit("twn-b").build());
        driver.publish(report("chk-2", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 4L)));
        driver.advanceTo(D.plusDays(1), "09:00");
        driver.publish(report("chk-2", D.plusDays(1), 1, driver.now(), driver.now(), Map.of("persons_isolated", 6L)));
        tick();
        driver.rollups.readValuesToList();

        driver.publish(unit("chk-2").setKind(UnitKind.CHECKPOINT).setParentId("twn-b")
                .setAncestorIds(List.of("demo-county", "twn-b")).build());
        tick();

        Map<String, Rollup> latest = driver.readLatestRollups();
        for (LocalDate day : List.of(D, D.plusDays(1))) {
            Rollup before = latest.get("twn-a/" + day);
            Rollup after = latest.get("twn-b/" + day);
            assertThat(before).as("twn-a's roll-up on %s, changed by the move", day).isNotNull();
            assertThat(before.getMetrics()).as("twn-a on %s", day).doesNotContainKey("persons_isolated");
            assertThat(before.getCompleteness().getExpected()).as("twn-a on %s", day).isEqualTo(2);
            assertThat(after.getMetrics()).as("twn-b on %s", day)
                    .containsEntry("persons_isolated", day.equals(D) ? 4L : 6L);
            assertThat(after.getCompleteness().getExpected()).as("twn-b on %s", day).isEqualTo(2);
        }
        // the county sees the same share from the same unit, so nothing changes there
        assertThat(latest).doesNotContainKeys("demo-county/" + D, "demo-county/" + D.plusDays(1));
    }

    @Test
    void aUnitWithoutChildrenHasNoRollupOfItsOwnButCountsInItsAncestorsAndGetsOneWhenItGainsAChild() {
        // given chk-1 published as the roster publisher publishes a unit no other unit names as its parent
        driver.publish(unit("chk-1").setKind(UnitKind.CHECKPOINT).setParentId("twn-a")
                .setAncestorIds(List.of("demo-county", "twn-a")).setHasChildren(false).build());
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 3L)));
        driver.publish(report("chk-2", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 4L)));
        tick();

        // then its figures reach the township and the county, and it has no roll-up of its own from now on
        Map<String, Rollup> latest = driver.readLatestRollups();
        assertThat(latest.get("twn-a/2026-03-02").getMetrics()).containsEntry("persons_isolated", 7L);
        assertThat(latest.get("demo-county/2026-03-02").getMetrics()).containsEntry("persons_isolated", 7L);
        assertThat(latest.get("twn-a/2026-03-02").getCompleteness().getOnTime()).isEqualTo(2);
        assertThat(latest.get("chk-2/2026-03-02").getMetrics()).containsEntry("persons_isolated", 4L);
        // the node it was before the roster said so is emptied, once
        assertThat(latest.get("chk-1/2026-03-02").getCompleteness().getExpected()).isZero();
        assertThat(latest.get("chk-1/2026-03-02").getMetrics()).isEmpty();
        driver.publish(report("chk-1", D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        tick();
        latest = driver.readLatestRollups();
        assertThat(latest).doesNotContainKey("chk-1/2026-03-02");
        assertThat(latest.get("twn-a/2026-03-02").getMetrics()).containsEntry("persons_isolated", 9L);

        // when a unit is put under it, it is a roll-up node again, with its own share at once
        driver.publish(unit("chk-1").setKind(UnitKind.CHECKPOINT).setParentId("twn-a")
                .setAncestorIds(List.of("demo-county", "twn-a")).setHasChildren(true).build());
        tick();
        latest = driver.readLatestRollups();
        assertThat(latest.get("chk-1/2026-03-02").getMetrics()).containsEntry("persons_isolated", 5L);
        assertThat(latest.get("chk-1/2026-03-02").getCompleteness().getOnTime()).isEqualTo(1);
        // and the ancestors, which see the same share, do not change
        assertThat(latest).doesNotContainKeys("twn-a/2026-03-02", "demo-county/2026-03-02");
    }

    @Test
    void unreadableRosterUnitIsDeadLetteredAndTheOthersCarryOn() {
        driver.publishRawUnit("chk-9", new byte[] {1, 2, 3});
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 1L)));

        assertThat(driver.deadLetters.readValue().getTopic()).isEqualTo("ribao.roster.units");
        assertThat(driver.statuses.readValue().getUnitId()).isEqualTo("chk-1");
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void aBurstOfChangesUnderANodeYieldsOneRollupPerTick() {
        driver.rollups.readValuesToList();
        for (int revision = 1; revision <= 20; revision++) {
            driver.publish(report("chk-1", D, revision, driver.now(), driver.now(), Map.of("persons_isolated", 1L * revision)));
        }
        tick();

        List<Rollup> county = driver.rollups.readValuesToList().stream()
                .filter(r -> r.getNodeId().equals("demo-county")).toList();
        assertThat(county).singleElement()
                .satisfies(r -> assertThat(r.getMetrics()).containsEntry("persons_isolated", 20L));
        driver.statuses.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void aRevisionThatChangesNothingTheRollupsCountSendsNoRollup() {
        // given the checkpoint's first revision is rolled up
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        tick();
        assertThat(driver.rollups.readValuesToList()).isNotEmpty();

        // when it signs a second revision with the same figures
        driver.publish(report("chk-1", D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        tick();

        // then its status moves on, but no node sees a change
        assertThat(driver.statuses.readValuesToList()).extracting(UnitDayStatus::getRevision).contains(2);
        assertThat(driver.rollups.readValuesToList()).isEmpty();
    }

    @Test
    void manyRevisionsOfOneUnitBetweenTwoPunctuationsSendItsShareOnce() {
        driver.readShareKeys();
        for (int revision = 1; revision <= 20; revision++) {
            driver.publish(report("chk-1", D, revision, driver.now(), driver.now(), Map.of("persons_isolated", 1L * revision)));
        }
        assertThat(driver.readShareKeys()).as("nothing travels before the punctuation").isEmpty();

        punctuate();

        // one share to each node the checkpoint reaches, its latest, not twenty
        assertThat(driver.readShareKeys()).containsExactly("chk-1/" + D, "twn-a/" + D, "demo-county/" + D);
        punctuate();
        assertThat(driver.readLatestRollups().get("demo-county/" + D).getMetrics())
                .containsEntry("persons_isolated", 20L);
        // a punctuation with nothing changed sends nothing
        assertThat(driver.readShareKeys()).isEmpty();
    }

    @Test
    void sharesReceivedButNotYetRolledUpWhenTheAppStopsAreCountedAfterTheRestart() {
        // given the county's roll-up emitted with one checkpoint's figure
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 3L)));
        tick();
        driver.rollups.readValuesToList();
        // and two more shares sent and applied, the app stopping before the roll-up task's next punctuation
        driver.publish(report("chk-2", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 4L)));
        driver.publish(report("chk-1", D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));
        punctuate();
        assertThat(driver.readShareKeys()).contains("demo-county/" + D);
        assertThat(driver.rollups.readValuesToList()).as("not rolled up yet").isEmpty();

        // when it starts again, then the county's totals are rebuilt from their sources and count both
        driver = driver.restartAt(stateDir, driver.now().plusSeconds(1));
        tick();
        Map<String, Rollup> latest = driver.readLatestRollups();
        assertThat(latest.get("demo-county/" + D).getMetrics()).containsEntry("persons_isolated", 9L);
        assertThat(latest.get("twn-a/" + D).getMetrics()).containsEntry("persons_isolated", 9L);
    }

    @Test
    void aRestartSendsAgainOnlyWhatChangedSinceTheLastPunctuationThatSentAny() {
        // given chk-1's share sent, and chk-2's five minutes later
        driver.publish(report("chk-1", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 3L)));
        tick();
        driver.advanceTo(driver.now().plusSeconds(300));
        driver.publish(report("chk-2", D, 1, driver.now(), driver.now(), Map.of("persons_isolated", 4L)));
        tick();
        driver.readShareKeys();

        // when the app restarts
        driver = driver.restartAt(stateDir, driver.now().plusSeconds(1));
        punctuate();

        // then only chk-2, changed within a minute of that punctuation, is sent again (which its nodes ignore)
        assertThat(driver.readShareKeys()).containsExactly("chk-2/" + D, "twn-a/" + D, "demo-county/" + D);
        punctuate();
        assertThat(driver.rollups.readValuesToList()).isEmpty();
    }

    /**
     * A unit-day's changed share travels at its task's next punctuation, once however often it changed; the node's
     * roll-up and its rules come at the roll-up task's punctuation after it has arrived (decision 279).
     */
    private void tick() {
        punctuate();
        punctuate();
    }

    private void punctuate() {
        driver.advanceTo(driver.now().plusSeconds(1));
    }

    /** twn-a signs this revision with these vaccine doses (its daily target is 100) and no one in isolation. */
    private void townshipSigns(int revision, long vaccineDoses) {
        driver.publish(report("twn-a", D, revision, driver.now(), driver.now(),
                new HashMap<>(Map.of("vaccine_doses", vaccineDoses, "centralized_isolation", 0L))));
    }
}
