package io.ribao.aggregation;

import static io.ribao.aggregation.AggregationDriver.at;
import static io.ribao.aggregation.RosterFixtures.jurisdiction;
import static io.ribao.aggregation.RosterFixtures.report;
import static io.ribao.aggregation.RosterFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.Signer;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregationTopologyTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);
    private static final String TIANBAO = "twn-tianbao";
    private static final Map<String, Long> FIGURES = Map.of("persons_isolated", 3L, "samples_collected", 120L);

    @TempDir
    Path stateDir;

    private AggregationDriver driver;

    @BeforeEach
    void startTheDayAtEight() {
        driver = new AggregationDriver(stateDir, at(D, "08:00"));
        driver.publish(jurisdiction().build());
        driver.publish(unit(TIANBAO).build());
        driver.advanceTo(D, "08:00:01");
        UnitDayStatus opened = driver.statuses.readValue();
        assertThat(opened.getState()).isEqualTo(UnitDayState.EXPECTED);
        assertThat(opened.getDate()).isEqualTo(D);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void reportSignedBeforeTheDeadlineIsOnTimeAndRaisesNothing() {
        driver.advanceTo(D, "10:00");
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));
        driver.advanceTo(D, "19:00");

        UnitDayStatus status = driver.statuses.readValue();
        assertThat(status.getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(status.getMetrics()).isEqualTo(FIGURES);
        assertThat(status.getSignedRevision()).isEqualTo(1);
        assertThat(driver.dayClosed.readValue().getUnits()).extracting(UnitDayStatus::getState)
                .containsExactly(UnitDayState.ON_TIME);
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void nothingByTheDeadlineIsMissingThenASignatureMakesItLate() {
        driver.advanceTo(D, "16:30");
        List<AlertEvent> atDeadline = driver.readAlerts();
        assertThat(ids(atDeadline)).containsExactly(
                "DUE_SOON:twn-tianbao:2026-03-02/RAISED", "MISSING:twn-tianbao:2026-03-02/RAISED",
                "DUE_SOON:twn-tianbao:2026-03-02/RESOLVED");
        AlertEvent missing = atDeadline.get(1);
        assertThat(missing.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(missing.getMessage()).contains("天保镇", "2026-03-02", "16:30", "漏报");
        assertThat(missing.getRecipients()).containsExactly("p-twn-tianbao", "s-twn-tianbao");
        assertThat(driver.statuses.readValue().getState()).isEqualTo(UnitDayState.MISSING);

        driver.advanceTo(D, "17:00");
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));

        UnitDayStatus late = driver.statuses.readValue();
        assertThat(late.getState()).isEqualTo(UnitDayState.LATE);
        assertThat(late.getAfterCutoff()).isFalse();
        List<AlertEvent> afterSignature = driver.readAlerts();
        assertThat(ids(afterSignature)).containsExactly(
                "LATE:twn-tianbao:2026-03-02/RAISED", "MISSING:twn-tianbao:2026-03-02/RESOLVED");
        assertThat(afterSignature.get(0).getEvidence()).containsEntry("minutesLate", "30");
        assertThat(afterSignature.get(0).getMessage()).contains("17:00", "迟报");
        assertThat(afterSignature.get(1).getMessage()).startsWith("已解除");
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void theDeadlineWritesEachUnitDaysStatusAndAlertsAsOneChangelogRecord() {
        driver.publish(unit("twn-yangguan").build());
        driver.advanceTo(D, "16:00");
        driver.readAlerts();
        driver.statuses.readValuesToList();
        driver.readChangelogKeys();

        driver.advanceTo(D, "16:30");

        // each unit-day: MISSING raised, DUE_SOON resolved, the status MISSING — and the unit-day task's stores hold
        // the two changes as one value, so its changelogs carry one record per unit-day (decision 276)
        assertThat(driver.readAlerts()).hasSize(4);
        List<UnitDayStatus> missing = driver.statuses.readValuesToList();
        assertThat(missing).extracting(UnitDayStatus::getState).containsOnly(UnitDayState.MISSING).hasSize(2);
        Map<String, List<String>> unitDayTask = driver.readChangelogKeys().entrySet().stream()
                .filter(store -> !store.getKey().startsWith("rollup-") && !store.getKey().startsWith("node-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(unitDayTask.values().stream().flatMap(List::stream)
                .filter(key -> key.equals(TIANBAO + "/" + D) || key.equals("twn-yangguan/" + D)))
                .containsExactlyInAnyOrder(TIANBAO + "/" + D, "twn-yangguan/" + D);
        assertThat(unitDayTask).containsKey("unit-day-entries");

        // and what the store holds is read back after a restart: neither alert again, DUE_SOON not resolved twice; the
        // statuses changed within a minute of the last settling punctuation go out again, unchanged (decision 281)
        driver = driver.restartAt(stateDir, at(D, "16:31"));
        driver.advanceTo(D, "16:31:01");
        assertThat(driver.readAlerts()).isEmpty();
        assertThat(driver.statuses.readValuesToList()).containsExactlyInAnyOrderElementsOf(missing);
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void reportSignedAfterTheDeadlineButBeforeThePunctuationIsStillLate() {
        driver.advanceTo(D, "16:00");
        driver.readAlerts();
        driver.publish(report(TIANBAO, D, 1, driver.now(), at(D, "16:31"), FIGURES));

        assertThat(driver.statuses.readValue().getState()).isEqualTo(UnitDayState.LATE);
        assertThat(ids(driver.readAlerts())).containsExactly(
                "LATE:twn-tianbao:2026-03-02/RAISED", "DUE_SOON:twn-tianbao:2026-03-02/RESOLVED");
        driver.advanceTo(D, "19:00");
        driver.dayClosed.readValue();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void unsignedDraftAtTheDeadlineRaisesUnsignedAndTheSignatureResolvesIt() {
        driver.advanceTo(D, "10:00");
        driver.publish(report(TIANBAO, D, 1, driver.now(), null, FIGURES));
        assertThat(driver.statuses.readValue().getState()).isEqualTo(UnitDayState.PENDING_SIGNOFF);

        driver.advanceTo(D, "16:30");
        UnitDayStatus unsigned = driver.statuses.readValue();
        assertThat(unsigned.getState()).isEqualTo(UnitDayState.MISSING);
        assertThat(unsigned.getUnsigned()).isTrue();
        assertThat(ids(driver.readAlerts())).containsExactly(
                "DUE_SOON:twn-tianbao:2026-03-02/RAISED", "UNSIGNED:twn-tianbao:2026-03-02/RAISED",
                "DUE_SOON:twn-tianbao:2026-03-02/RESOLVED");

        driver.advanceTo(D, "16:45");
        driver.publish(report(TIANBAO, D, 1, at(D, "10:00"), driver.now(), FIGURES));
        UnitDayStatus signed = driver.statuses.readValue();
        assertThat(signed.getState()).isEqualTo(UnitDayState.LATE);
        assertThat(signed.getUnsigned()).isFalse();
        assertThat(ids(driver.readAlerts())).containsExactly(
                "LATE:twn-tianbao:2026-03-02/RAISED", "UNSIGNED:twn-tianbao:2026-03-02/RESOLVED");
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void zeroReportIsOnTimeAndNeverMissing() {
        driver.advanceTo(D, "09:00");
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), Map.of()));
        driver.advanceTo(D, "18:00");

        UnitDayStatus status = driver.statuses.readValue();
        assertThat(status.getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(status.getZeroReport()).isTrue();
        DayClosed closed = driver.dayClosed.readValue();
        assertThat(closed.getUnits()).extracting(UnitDayStatus::getZeroReport).containsExactly(true);
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void revisionBeforeTheDeadlineReplacesTheFiguresQuietly() {
        driver.advanceTo(D, "10:00");
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));
        driver.advanceTo(D, "12:00");
        driver.publish(report(TIANBAO, D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 5L)));

        List<UnitDayStatus> statuses = driver.statuses.readValuesToList();
        assertThat(statuses).extracting(UnitDayStatus::getState)
                .containsExactly(UnitDayState.ON_TIME, UnitDayState.ON_TIME);
        assertThat(statuses.get(1).getMetrics()).isEqualTo(Map.of("persons_isolated", 5L));
        assertThat(statuses.get(1).getSignedRevision()).isEqualTo(2);
        assertThat(statuses.get(1).getRevisedAfterDeadline()).isFalse();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void revisionAfterTheDeadlineKeepsTheTimelinessAndIsFlagged() {
        driver.advanceTo(D, "10:00");
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));
        driver.statuses.readValue();
        driver.advanceTo(D, "17:00");
        driver.publish(report(TIANBAO, D, 2, driver.now(), driver.now(), Map.of("persons_isolated", 1L)));

        UnitDayStatus revised = driver.statuses.readValue();
        assertThat(revised.getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(revised.getRevisedAfterDeadline()).isTrue();
        assertThat(revised.getMetrics()).isEqualTo(Map.of("persons_isolated", 1L));
        List<AlertEvent> alerts = driver.readAlerts();
        assertThat(ids(alerts)).containsExactly("REVISED_AFTER_DEADLINE:twn-tianbao:2026-03-02:revision-2/RAISED");
        assertThat(alerts.get(0).getEvidence()).containsEntry("previousRevision", "1").containsEntry("timeliness", "ON_TIME");
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void delegateSignOffIsRecordedAsSuch() {
        driver.advanceTo(D, "11:00");
        ReportEvent delegated = report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES);
        delegated.setSigner(Signer.DELEGATE);
        delegated.setSignedBy("d-twn-tianbao");
        driver.publish(delegated);

        UnitDayStatus status = driver.statuses.readValue();
        assertThat(status.getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(status.getSigner()).isEqualTo(Signer.DELEGATE);
        assertThat(status.getSignedBy()).isEqualTo("d-twn-tianbao");
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void reminderGoesToTheUnitWithoutASignedReportAndIsResolvedByTheSignature() {
        driver.publish(unit("twn-other").build());
        driver.statuses.readValue();
        driver.advanceTo(D, "09:00");
        driver.publish(report("twn-other", D, 1, driver.now(), driver.now(), FIGURES));
        driver.statuses.readValue();

        driver.advanceTo(D, "15:30");
        List<AlertEvent> reminders = driver.readAlerts();
        assertThat(ids(reminders)).containsExactly("DUE_SOON:twn-tianbao:2026-03-02/RAISED");
        assertThat(reminders.get(0).getSeverity()).isEqualTo(Severity.INFO);
        assertThat(reminders.get(0).getRecipients()).containsExactly("p-twn-tianbao", "s-twn-tianbao");

        driver.advanceTo(D, "16:00");
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));
        assertThat(driver.statuses.readValue().getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(ids(driver.readAlerts())).containsExactly("DUE_SOON:twn-tianbao:2026-03-02/RESOLVED");
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void stillMissingAtTheBulletinCutoffEscalatesToTheOfficeAndLeaders() {
        driver.advanceTo(D, "17:59");
        driver.readAlerts();
        driver.statuses.readValue();

        driver.advanceTo(D, "18:00");
        List<AlertEvent> alerts = driver.readAlerts();
        assertThat(ids(alerts)).containsExactly("STILL_MISSING:twn-tianbao:2026-03-02/RAISED");
        AlertEvent still = alerts.get(0);
        assertThat(still.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(still.getRecipients()).containsExactly(
                "p-twn-tianbao", "s-twn-tianbao", "u-office", "u-leader-1", "u-leader-2");
        assertThat(still.getMessage()).contains("18:00");
        driver.dayClosed.readValue();

        driver.advanceTo(D, "20:00");
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));
        UnitDayStatus late = driver.statuses.readValue();
        assertThat(late.getState()).isEqualTo(UnitDayState.LATE);
        assertThat(late.getAfterCutoff()).isTrue();
        assertThat(ids(driver.readAlerts())).containsExactly("LATE:twn-tianbao:2026-03-02/RAISED",
                "MISSING:twn-tianbao:2026-03-02/RESOLVED", "STILL_MISSING:twn-tianbao:2026-03-02/RESOLVED");
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void dayClosedSnapshotHoldsEveryExpectedUnitAtTheCutoff() {
        driver.publish(unit("twn-a").build());
        driver.publish(unit("twn-b").build());
        driver.publish(unit("twn-suspended").setSuspended(true).build());
        driver.advanceTo(D, "09:00");
        driver.publish(report("twn-a", D, 1, driver.now(), driver.now(), FIGURES));
        driver.publish(report("twn-b", D, 1, driver.now(), null, FIGURES));
        driver.advanceTo(D, "18:00");
        driver.statuses.readValuesToList();
        driver.readAlerts();

        List<DayClosed> closed = driver.dayClosed.readValuesToList();
        assertThat(closed).hasSize(1);
        DayClosed day = closed.get(0);
        assertThat(day.getJurisdictionId()).isEqualTo("demo-county");
        assertThat(day.getDate()).isEqualTo(D);
        assertThat(day.getClosedAt()).isEqualTo(at(D, "18:00"));
        assertThat(day.getPartitions()).isEqualTo(1);
        assertThat(day.getUnits()).extracting(UnitDayStatus::getUnitId, UnitDayStatus::getState, UnitDayStatus::getUnsigned)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("twn-a", UnitDayState.ON_TIME, false),
                        org.assertj.core.groups.Tuple.tuple("twn-b", UnitDayState.MISSING, true),
                        org.assertj.core.groups.Tuple.tuple(TIANBAO, UnitDayState.MISSING, false));
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void suspendedUnitIsSilent() {
        driver.publish(unit("twn-quiet").setSuspended(true).build());
        driver.advanceTo(D, "19:00");

        assertThat(driver.statuses.readValuesToList()).extracting(UnitDayStatus::getUnitId).containsOnly(TIANBAO);
        assertThat(driver.readAlerts()).extracting(AlertEvent::getUnitId).containsOnly(TIANBAO);
        assertThat(driver.dayClosed.readValue().getUnits()).extracting(UnitDayStatus::getUnitId).containsExactly(TIANBAO);
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void unitOpenedAndClosedMidWeekIsExpectedOnlyOnItsActiveDays() {
        driver.publish(unit("chk-temp").setActiveFrom(D.plusDays(1)).setActiveTo(D.plusDays(2)).build());
        driver.advanceTo(D.plusDays(4), "19:00");

        List<String> missing = driver.readAlerts().stream()
                .filter(a -> a.getUnitId().equals("chk-temp") && a.getType().name().equals("MISSING"))
                .map(a -> a.getDate().toString()).collect(Collectors.toList());
        assertThat(missing).containsExactly("2026-03-03", "2026-03-04");
        assertThat(driver.statuses.readValuesToList()).filteredOn(s -> s.getUnitId().equals("chk-temp"))
                .extracting(s -> s.getDate().toString()).containsOnly("2026-03-03", "2026-03-04");
        driver.dayClosed.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void unitArrivingDuringAnOpenDayIsExpectedAtOnce() {
        driver.advanceTo(D, "12:00");
        driver.publish(unit("chk-new").build());

        UnitDayStatus status = driver.statuses.readValue();
        assertThat(status.getUnitId()).isEqualTo("chk-new");
        assertThat(status.getState()).isEqualTo(UnitDayState.EXPECTED);
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void unitArrivingAfterTheDeadlineIsMissingAtTheNextLookAndOnlyOnce() {
        driver.advanceTo(D, "17:00");
        driver.statuses.readValuesToList();
        driver.readAlerts();
        driver.dayClosed.readValuesToList();

        driver.publish(unit("chk-late").build());
        assertThat(driver.statuses.readValue().getState()).isEqualTo(UnitDayState.EXPECTED);
        driver.advanceTo(D, "17:01");
        driver.advanceTo(D, "17:30");

        assertThat(ids(driver.readAlerts())).filteredOn(id -> id.startsWith("MISSING:"))
                .containsExactly("MISSING:chk-late:2026-03-02/RAISED");
        assertThat(driver.statuses.readValuesToList()).last()
                .satisfies(s -> assertThat(s.getState()).isEqualTo(UnitDayState.MISSING));
    }

    @Test
    void aUnitResumedAfterTheDeadlineIsMissingAtTheNextLookAsAUnitAddedThen() {
        driver.advanceTo(D, "09:00");
        driver.publish(unit(TIANBAO).setSuspended(true).setSuspendedFrom(D).build());
        driver.advanceTo(D, "17:00");
        assertThat(ids(driver.readAlerts())).isEmpty();
        driver.statuses.readValuesToList();

        driver.publish(unit(TIANBAO).build());
        driver.advanceTo(D, "17:01");

        assertThat(ids(driver.readAlerts())).containsExactly("MISSING:twn-tianbao:2026-03-02/RAISED");
        assertThat(driver.statuses.readValuesToList()).last()
                .satisfies(s -> assertThat(s.getState()).isEqualTo(UnitDayState.MISSING));
        driver.advanceTo(D, "18:00");
        assertThat(ids(driver.readAlerts())).containsExactly("STILL_MISSING:twn-tianbao:2026-03-02/RAISED");
    }

    @Test
    void theDayLocksAfterAmendDaysAndLaterReportsAreDeadLettered() {
        driver.advanceTo(D.plusDays(3), "23:59");
        driver.statuses.readValuesToList();
        driver.readAlerts();
        driver.dayClosed.readValuesToList();

        driver.advanceTo(D.plusDays(4), "00:00");
        List<UnitDayStatus> atLock = driver.statuses.readValuesToList();
        assertThat(atLock).filteredOn(s -> s.getDate().equals(D)).singleElement()
                .satisfies(s -> assertThat(s.getLocked()).isTrue());
        driver.readAlerts();
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));

        DeadLetter letter = driver.deadLetters.readValue();
        assertThat(letter.getTopic()).isEqualTo("ribao.reports");
        assertThat(letter.getCause()).contains("locked");
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void aReportTakenBeforeTheLockAndReadAfterItCountsWhileTheDayIsStillKept() {
        // given a report report-ingest took in the last minute before the day locked, and the app down across the lock
        driver.advanceTo(D.plusDays(3), "23:59");
        driver.statuses.readValuesToList();
        driver.readAlerts();
        driver.dayClosed.readValuesToList();
        Instant taken = driver.now();
        driver = driver.restartAt(stateDir, at(D.plusDays(4), "00:05"));

        // when the app reads it back before its first punctuation, the one that locks the day
        driver.publish(report(TIANBAO, D, 1, taken, taken, FIGURES));

        // then it counts for its day (late, as signed after 16:30), and the day then locks with it
        assertThat(driver.deadLetters.isEmpty()).isTrue();
        UnitDayStatus read = driver.statuses.readValue();
        assertThat(read.getSignedRevision()).isEqualTo(1);
        assertThat(read.getState()).isEqualTo(UnitDayState.LATE);
        driver.advanceTo(D.plusDays(4), "00:05:01");
        assertThat(driver.statuses.readValuesToList()).filteredOn(s -> s.getDate().equals(D)).last()
                .satisfies(s -> assertThat(s.getLocked()).isTrue())
                .satisfies(s -> assertThat(s.getSignedRevision()).isEqualTo(1));

        // and once the day is forgotten, a report for it goes to the dead letters as before
        driver.publish(report(TIANBAO, D, 2, taken, taken, FIGURES));
        assertThat(driver.deadLetters.readValue().getCause()).contains("locked");
    }

    @Test
    void aDayThatLockedStaysLockedWhenAReloadWidensTheAmendmentWindow() {
        // given the day locked (amendDays 3) and forgotten
        driver.advanceTo(D.plusDays(4), "00:00:01");
        driver.statuses.readValuesToList();
        driver.readAlerts();
        driver.dayClosed.readValuesToList();

        // when a reload raises amendDays to 7 and a report for the day comes
        driver.publish(jurisdiction().setAmendDays(7).build());
        driver.advanceTo(D.plusDays(4), "00:00:02");
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));
        driver.advanceTo(D.plusDays(4), "00:00:03");

        // then the day is not opened again: the report is a dead letter, and no status or alert of the day is sent
        assertThat(driver.deadLetters.readValue().getCause()).contains("locked");
        assertThat(driver.statuses.readValuesToList()).noneMatch(s -> s.getDate().equals(D));
        assertThat(driver.readAlerts()).noneMatch(a -> a.getDate().equals(D));
    }

    @Test
    void aSubmissionDeadlineARosterReloadMovesLaterIsAppliedAtItsNewTime() {
        driver.advanceTo(D, "10:00");
        driver.readAlerts();
        driver.publish(jurisdiction().setSubmission("17:00:00").build());
        driver.advanceTo(D, "10:00:01");

        driver.advanceTo(D, "16:45");
        assertThat(ids(driver.readAlerts())).doesNotContain("MISSING:twn-tianbao:2026-03-02/RAISED");
        driver.advanceTo(D, "17:00:01");
        assertThat(ids(driver.readAlerts())).contains("MISSING:twn-tianbao:2026-03-02/RAISED");
        assertThat(driver.statuses.readValuesToList()).last()
                .satisfies(s -> assertThat(s.getState()).isEqualTo(UnitDayState.MISSING));
    }

    @Test
    void aSubmissionDeadlineARosterReloadMovesEarlierIsAppliedAtItsNewTimeAndOnlyThen() {
        driver.advanceTo(D, "10:00");
        driver.readAlerts();
        driver.publish(jurisdiction().setSubmission("16:00:00").build());
        driver.advanceTo(D, "10:00:01");

        driver.advanceTo(D, "16:00:01");
        assertThat(ids(driver.readAlerts())).contains("MISSING:twn-tianbao:2026-03-02/RAISED");
        driver.statuses.readValuesToList();
        // the old 16:30 comes and goes: nothing is applied a second time
        driver.advanceTo(D, "16:31");
        assertThat(driver.readAlerts()).isEmpty();
        assertThat(driver.statuses.readValuesToList()).isEmpty();
    }

    @Test
    void aBulletinTimeARosterReloadMovesClosesTheDayThenOnly() {
        driver.advanceTo(D, "10:00");
        driver.publish(jurisdiction().setBulletin("19:00:00").build());
        driver.advanceTo(D, "18:30");
        assertThat(driver.dayClosed.readValuesToList()).isEmpty();
        driver.advanceTo(D, "19:00:01");
        assertThat(driver.dayClosed.readValuesToList()).singleElement()
                .satisfies(closed -> assertThat(closed.getClosedAt()).isEqualTo(at(D, "19:00")));
    }

    @Test
    void noAlertIsRaisedTwiceHoweverOftenTheClockTicks() {
        for (int minute = 0; minute < 12 * 60; minute += 7) {
            driver.advanceTo(at(D, "12:00").plus(Duration.ofMinutes(minute)));
        }
        List<AlertEvent> alerts = driver.readAlerts();
        assertThat(ids(alerts)).containsExactly(
                "DUE_SOON:twn-tianbao:2026-03-02/RAISED", "MISSING:twn-tianbao:2026-03-02/RAISED",
                "DUE_SOON:twn-tianbao:2026-03-02/RESOLVED", "STILL_MISSING:twn-tianbao:2026-03-02/RAISED");
        driver.statuses.readValuesToList();
        assertThat(driver.dayClosed.readValuesToList()).hasSize(1);
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void afterALongOutageEveryMissedDeadlineIsCaughtUpAtOnceInOrder() {
        driver.advanceTo(D.plusDays(2), "19:00");

        List<AlertEvent> alerts = driver.readAlerts();
        assertThat(alerts).filteredOn(a -> a.getState() == AlertState.RAISED)
                .extracting(a -> a.getType() + "@" + a.getDate())
                .containsExactly(
                        "DUE_SOON@2026-03-02", "MISSING@2026-03-02", "STILL_MISSING@2026-03-02",
                        "DUE_SOON@2026-03-03", "MISSING@2026-03-03", "STILL_MISSING@2026-03-03",
                        "DUE_SOON@2026-03-04", "MISSING@2026-03-04", "STILL_MISSING@2026-03-04");
        assertThat(driver.dayClosed.readValuesToList()).extracting(d -> d.getDate().toString())
                .containsExactly("2026-03-02", "2026-03-03", "2026-03-04");
        driver.statuses.readValuesToList();
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void unreadableReportIsDeadLetteredAndProcessingContinues() {
        driver.advanceTo(D, "10:00");
        driver.publishRawReport(TIANBAO, new byte[] {0, 0, 0, 0, 42, 1, 2});
        driver.publish(report(TIANBAO, D, 1, driver.now(), driver.now(), FIGURES));

        DeadLetter letter = driver.deadLetters.readValue();
        assertThat(letter.getApp()).isEqualTo("aggregation-streams");
        assertThat(letter.getTopic()).isEqualTo("ribao.reports");
        assertThat(letter.getPartition()).isZero();
        assertThat(letter.getOffset()).isZero();
        assertThat(letter.getValue().array()).containsExactly(0, 0, 0, 0, 42, 1, 2);
        assertThat(driver.statuses.readValue().getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void reportThatBeatsItsUnitsRosterRecordWaitsForItInsteadOfBeingLost() {
        driver.advanceTo(D, "10:00");
        driver.publish(report("chk-late-roster", D, 1, driver.now(), driver.now(), FIGURES));

        assertThat(driver.outputsEmpty()).isTrue();

        driver.publish(unit("chk-late-roster").build());

        List<UnitDayStatus> statuses = driver.statuses.readValuesToList();
        assertThat(statuses).extracting(UnitDayStatus::getUnitId).containsOnly("chk-late-roster");
        assertThat(statuses.get(statuses.size() - 1).getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(driver.deadLetters.isEmpty()).isTrue();
    }

    private static List<String> ids(List<AlertEvent> alerts) {
        return alerts.stream().map(a -> a.getAlertId() + "/" + a.getState()).collect(Collectors.toList());
    }
}
