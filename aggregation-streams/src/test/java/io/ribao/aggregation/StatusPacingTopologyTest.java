package io.ribao.aggregation;

import static io.ribao.aggregation.AggregationDriver.at;
import static io.ribao.aggregation.RosterFixtures.jurisdiction;
import static io.ribao.aggregation.RosterFixtures.report;
import static io.ribao.aggregation.RosterFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report's status goes out at once; further changes of the same unit-day before the next punctuation go out once, the
 * latest, at that punctuation (decision 281).
 */
class StatusPacingTopologyTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);
    private static final String TIANBAO = "twn-tianbao";
    private static final String YANGGUAN = "twn-yangguan";

    @TempDir
    Path stateDir;

    private AggregationDriver driver;

    @BeforeEach
    void openTheDay() {
        driver = new AggregationDriver(stateDir, at(D, "08:00"));
        driver.publish(jurisdiction().build());
        driver.publish(unit(TIANBAO).build());
        driver.publish(unit(YANGGUAN).build());
        driver.advanceTo(D, "10:00");
        driver.statuses.readValuesToList();
        driver.readAlerts();
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aReportsStatusGoesOutAtOnce() {
        driver.publish(signed(TIANBAO, 1, 3));

        assertThat(driver.statuses.readValuesToList()).extracting(UnitDayStatus::getSignedRevision).containsExactly(1);
    }

    @Test
    void revisionsBetweenTwoPunctuationsSendTheFirstAtOnceAndTheLatestOnceAtThePunctuation() {
        for (int revision = 1; revision <= 5; revision++) {
            driver.publish(signed(TIANBAO, revision, revision));
        }
        driver.publish(signed(YANGGUAN, 1, 7));

        // each unit-day's first change at once, the others wait
        assertThat(driver.statuses.readValuesToList()).extracting(UnitDayStatus::getUnitId, UnitDayStatus::getSignedRevision)
                .containsExactly(tuple(TIANBAO, 1), tuple(YANGGUAN, 1));

        driver.advanceTo(driver.now().plus(AggregationSettings.DEFAULT_PUNCTUATION_INTERVAL));
        List<UnitDayStatus> atPunctuation = driver.statuses.readValuesToList();
        assertThat(atPunctuation).extracting(UnitDayStatus::getUnitId, UnitDayStatus::getSignedRevision)
                .containsExactly(tuple(TIANBAO, 5));
        assertThat(atPunctuation.get(0).getMetrics()).isEqualTo(Map.of("persons_isolated", 5L));

        // a new interval: the next change goes at once again, and a quiet punctuation sends nothing
        driver.publish(signed(TIANBAO, 6, 6));
        assertThat(driver.statuses.readValuesToList()).extracting(UnitDayStatus::getSignedRevision).containsExactly(6);
        driver.advanceTo(driver.now().plus(AggregationSettings.DEFAULT_PUNCTUATION_INTERVAL));
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void aStatusStillWaitingWhenTheAppStopsGoesOutAfterTheRestart() {
        driver.publish(signed(TIANBAO, 1, 1));
        driver.publish(signed(TIANBAO, 2, 2));
        assertThat(driver.statuses.readValuesToList()).extracting(UnitDayStatus::getSignedRevision).containsExactly(1);

        driver = driver.restartAt(stateDir, driver.now().plusSeconds(1));
        driver.advanceTo(driver.now().plus(AggregationSettings.DEFAULT_PUNCTUATION_INTERVAL));

        // the waiting one, and others changed since the last punctuation that settled any, again and unchanged
        List<UnitDayStatus> afterRestart = driver.statuses.readValuesToList();
        assertThat(afterRestart).filteredOn(status -> status.getUnitId().equals(TIANBAO))
                .extracting(UnitDayStatus::getSignedRevision).containsExactly(2);
        assertThat(afterRestart).filteredOn(status -> status.getUnitId().equals(YANGGUAN))
                .extracting(UnitDayStatus::getState).containsOnly(UnitDayState.EXPECTED);
        assertThat(driver.outputsEmpty()).isTrue();
    }

    @Test
    void aStatusWaitingAtTheDeadlineGoesOutBeforeTheDeadlinesChange() {
        driver.advanceTo(D, "16:29:59.900");
        driver.publish(report(TIANBAO, D, 1, driver.now(), null, Map.of("persons_isolated", 1L)));
        driver.publish(report(TIANBAO, D, 2, driver.now(), null, Map.of("persons_isolated", 2L)));
        driver.statuses.readValuesToList();

        driver.advanceTo(D, "16:30");

        List<UnitDayStatus> statuses = driver.statuses.readValuesToList();
        assertThat(statuses.get(0).getUnitId()).isEqualTo(TIANBAO);
        assertThat(statuses.get(0).getRevision()).isEqualTo(2);
        assertThat(statuses.get(0).getUnsigned()).isFalse();
        UnitDayStatus lastOfTianbao = statuses.stream().filter(s -> s.getUnitId().equals(TIANBAO))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(lastOfTianbao.getRevision()).isEqualTo(2);
        assertThat(lastOfTianbao.getUnsigned()).isTrue();
        assertThat(statuses).extracting(UnitDayStatus::getUnitId).containsExactly(TIANBAO, TIANBAO, YANGGUAN);
        assertThat(statuses.get(2).getState()).isEqualTo(UnitDayState.MISSING);
    }

    private ReportEvent signed(String unitId, int revision, long isolated) {
        return report(unitId, D, revision, driver.now(), driver.now(), Map.of("persons_isolated", isolated));
    }
}
