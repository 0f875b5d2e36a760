package io.ribao.aggregation;

import static io.ribao.aggregation.AggregationDriver.at;
import static io.ribao.aggregation.RosterFixtures.COUNTY;
import static io.ribao.aggregation.RosterFixtures.jurisdiction;
import static io.ribao.aggregation.RosterFixtures.report;
import static io.ribao.aggregation.RosterFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.stream.NodeContribution;
import io.ribao.aggregation.stream.NodeShare;
import io.ribao.aggregation.stream.NodeSubtotal;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit-day task's shares of the nodes two or more levels up travel summed, one subtotal per node-day per task
 * (decision 282): the county of county → townships → villages, through the production topology.
 */
class SubtotalsTopologyTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);
    private static final String PERSONS = "persons_isolated";

    @TempDir
    Path stateDir;

    private AggregationDriver driver;

    @BeforeEach
    void startWithTwoTownshipsAndThreeVillages() {
        driver = new AggregationDriver(stateDir, at(D, "08:00"));
        driver.publish(jurisdiction().build());
        driver.publish(unit("twn-a").build());
        driver.publish(unit("twn-b").build());
        for (String village : List.of("vil-1", "vil-2", "vil-3")) {
            driver.publish(unit(village).setKind(UnitKind.VILLAGE).setParentId("twn-a")
                    .setAncestorIds(List.of(COUNTY, "twn-a")).setHasChildren(false).build());
        }
        driver.advanceTo(D, "09:00");
        driver.readShares();
        driver.rollups.readValuesToList();
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void theVillagesSharesOfTheCountyTravelAsOneSubtotalAndTheirTownshipGetsEachOnItsOwn() {
        for (int i = 1; i <= 3; i++) {
            driver.publish(report("vil-" + i, D, 1, driver.now(), driver.now(), Map.of(PERSONS, (long) i)));
        }
        tick();

        List<KeyValue<String, NodeShare>> shares = driver.readShares();
        assertThat(sharesTo(shares, COUNTY + "/" + D)).singleElement().isInstanceOf(NodeSubtotal.class);
        assertThat(sharesTo(shares, "twn-a/" + D)).hasSize(3).allSatisfy(share ->
                assertThat(share).isInstanceOf(NodeContribution.class));
        Rollup county = driver.readLatestRollups().get(COUNTY + "/" + D);
        assertThat(county.getMetrics()).containsEntry(PERSONS, 6L);
        assertThat(county.getCompleteness().getExpected()).isEqualTo(5);
        assertThat(county.getCompleteness().getOnTime()).isEqualTo(3);
        assertThat(driver.readLatestRollups()).isEmpty();
    }

    @Test
    void afterARestartTheSubtotalsAreRebuiltSoARevisionReplacesOnlyItsOwnShare() {
        for (int i = 1; i <= 3; i++) {
            driver.publish(report("vil-" + i, D, 1, driver.now(), driver.now(), Map.of(PERSONS, (long) i)));
        }
        tick();
        // a later punctuation settles something else, so the villages are not noted again after the restart
        driver.advanceTo(driver.now().plusSeconds(300));
        driver.publish(report("twn-b", D, 1, driver.now(), driver.now(), Map.of(PERSONS, 0L)));
        tick();
        driver.rollups.readValuesToList();

        driver = driver.restartAt(stateDir, driver.now().plusSeconds(1));
        tick();
        assertThat(sharesTo(driver.readShares(), COUNTY + "/" + D)).as("the rebuilt subtotal, sent again")
                .filteredOn(NodeSubtotal.class::isInstance).hasSize(1);
        assertThat(driver.rollups.readValuesToList()).as("the same subtotal changes nothing").isEmpty();
        driver.publish(report("vil-2", D, 2, driver.now(), driver.now(), Map.of(PERSONS, 10L)));
        tick();

        Map<String, Rollup> latest = driver.readLatestRollups();
        assertThat(latest.get(COUNTY + "/" + D).getMetrics()).containsEntry(PERSONS, 14L);
        assertThat(latest.get(COUNTY + "/" + D).getCompleteness().getOnTime()).isEqualTo(4);
        assertThat(latest.get("twn-a/" + D).getMetrics()).containsEntry(PERSONS, 14L);
    }

    @Test
    void aUnitMovedFromUnderTheCountyToUnderATownshipAndBackCountsInTheCountyOnce() {
        driver.publish(unit("vil-x").setKind(UnitKind.VILLAGE).setHasChildren(false).build());
        driver.publish(report("vil-x", D, 1, driver.now(), driver.now(), Map.of(PERSONS, 7L)));
        tick();
        assertThat(driver.readLatestRollups().get(COUNTY + "/" + D).getMetrics()).containsEntry(PERSONS, 7L);

        driver.publish(unit("vil-x").setKind(UnitKind.VILLAGE).setHasChildren(false).setParentId("twn-a")
                .setAncestorIds(List.of(COUNTY, "twn-a")).build());
        tick();
        Map<String, Rollup> latest = driver.readLatestRollups();
        assertThat(latest.get(COUNTY + "/" + D).getMetrics()).containsEntry(PERSONS, 7L);
        assertThat(latest.get(COUNTY + "/" + D).getCompleteness().getExpected()).isEqualTo(6);
        assertThat(latest.get("twn-a/" + D).getMetrics()).containsEntry(PERSONS, 7L);

        driver.publish(unit("vil-x").setKind(UnitKind.VILLAGE).setHasChildren(false).build());
        tick();
        latest = driver.readLatestRollups();
        assertThat(latest.get(COUNTY + "/" + D).getMetrics()).containsEntry(PERSONS, 7L);
        assertThat(latest.get(COUNTY + "/" + D).getCompleteness().getExpected()).isEqualTo(6);
        assertThat(latest.get("twn-a/" + D).getMetrics()).doesNotContainKey(PERSONS);
    }

    /** vil-1 and vil-2 report on D (3 and 4), vil-1 on the next day too (5), which is today. */
    private void twoVillagesReportYesterdayAndOneToday() {
        driver.publish(report("vil-1", D, 1, driver.now(), driver.now(), Map.of(PERSONS, 3L)));
        driver.publish(report("vil-2", D, 1, driver.now(), driver.now(), Map.of(PERSONS, 4L)));
        driver.advanceTo(D.plusDays(1), "09:00");
        driver.publish(report("vil-1", D.plusDays(1), 1, driver.now(), driver.now(), Map.of(PERSONS, 5L)));
        tick();
    }

    @Test
    void aUnitRemovedFromTheRosterLeavesTheRollupsTodayAndOnTheDaysStillOpen() {
        twoVillagesReportYesterdayAndOneToday();
        driver.rollups.readValuesToList();

        driver.removeUnit("vil-1");
        tick();

        Map<String, Rollup> latest = driver.readLatestRollups();
        // the county: two townships and two villages left; twn-a: itself and two villages
        for (Map.Entry<String, Integer> node : Map.of(COUNTY, 4, "twn-a", 3).entrySet()) {
            Rollup today = latest.get(node.getKey() + "/" + D.plusDays(1));
            Rollup yesterday = latest.get(node.getKey() + "/" + D);
            assertThat(today.getCompleteness().getExpected()).as("%s today", node).isEqualTo(node.getValue());
            assertThat(today.getMetrics()).as("%s today", node).doesNotContainKey(PERSONS);
            assertThat(yesterday.getCompleteness().getExpected()).as("%s yesterday", node).isEqualTo(node.getValue());
            assertThat(yesterday.getMetrics()).as("%s yesterday", node.getKey()).containsEntry(PERSONS, 4L);
        }
    }

    @Test
    void aUnitRemovedByMistakeAndAddedBackCountsAgainTodayAndOnTheDaysStillOpen() {
        twoVillagesReportYesterdayAndOneToday();
        driver.removeUnit("vil-1");
        tick();
        driver.rollups.readValuesToList();

        driver.publish(unit("vil-1").setKind(UnitKind.VILLAGE).setParentId("twn-a")
                .setAncestorIds(List.of(COUNTY, "twn-a")).setHasChildren(false).build());
        tick();

        Map<String, Rollup> latest = driver.readLatestRollups();
        for (Map.Entry<String, Integer> node : Map.of(COUNTY, 5, "twn-a", 4).entrySet()) {
            Rollup today = latest.get(node.getKey() + "/" + D.plusDays(1));
            Rollup yesterday = latest.get(node.getKey() + "/" + D);
            assertThat(today.getCompleteness().getExpected()).as("%s today", node).isEqualTo(node.getValue());
            assertThat(today.getMetrics()).as("%s today", node).containsEntry(PERSONS, 5L);
            assertThat(yesterday).as("%s yesterday", node.getKey()).isNotNull();
            assertThat(yesterday.getCompleteness().getExpected()).as("%s yesterday", node).isEqualTo(node.getValue());
            assertThat(yesterday.getMetrics()).as("%s yesterday", node.getKey()).containsEntry(PERSONS, 7L);
        }
    }

    @Test
    void sharesFromTwoLevelsBelowLeftByTheFormerVersionGiveWayToTheSubtotals() {
        // given tomorrow's share of vil-1 in the county as the version before subtotals sent it, one by one, before
        // this version sent any subtotal of that day
        LocalDate tomorrow = D.plusDays(1);
        Unit village = unit("vil-1").setKind(UnitKind.VILLAGE).setParentId("twn-a")
                .setAncestorIds(List.of(COUNTY, "twn-a")).setHasChildren(false).build();
        UnitDayStatus signed = UnitDayStatus.newBuilder(io.ribao.aggregation.rollup.RosterFixtures.signed(
                village, Map.of(PERSONS, 3L))).setDate(tomorrow).build();
        Contribution toCounty = Contribution.of(signed, village).stream().filter(c -> c.depth() == 2).findFirst()
                .orElseThrow();
        driver.publishShare(COUNTY + "/" + tomorrow, new NodeContribution(COUNTY, tomorrow, toCounty, null));
        tick();
        assertThat(driver.readLatestRollups().get(COUNTY + "/" + tomorrow).getMetrics()).containsEntry(PERSONS, 3L);

        // when the day opens and the villages report through this version
        driver.advanceTo(tomorrow, "09:00");
        driver.publish(report("vil-1", tomorrow, 1, driver.now(), driver.now(), Map.of(PERSONS, 3L)));
        driver.publish(report("vil-2", tomorrow, 1, driver.now(), driver.now(), Map.of(PERSONS, 4L)));
        tick();

        // then the county counts vil-1 once, in the subtotal
        Rollup county = driver.readLatestRollups().get(COUNTY + "/" + tomorrow);
        assertThat(county.getMetrics()).containsEntry(PERSONS, 7L);
        assertThat(county.getCompleteness().getExpected()).isEqualTo(5);
    }

    /** A changed share travels at its task's next punctuation, the roll-up at the roll-up task's one after it. */
    private void tick() {
        driver.advanceTo(driver.now().plusSeconds(1));
        driver.advanceTo(driver.now().plusSeconds(1));
    }

    private static List<NodeShare> sharesTo(List<KeyValue<String, NodeShare>> shares, String nodeDay) {
        return shares.stream().filter(kv -> kv.key.equals(nodeDay)).map(kv -> kv.value).toList();
    }
}
