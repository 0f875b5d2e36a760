package io.ribao.aggregation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.rollup.RosterFixtures;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetShortfallTest {

    private static final LocalDate DAY = RosterFixtures.DAY;

    private final TargetShortfall rule = new TargetShortfall(new MetricNames(Map.of("vaccine_doses", "疫苗接种剂次")));
    private final Unit township = RosterFixtures.withTargets(RosterFixtures.township("twn-tianbao"),
            Map.of("vaccine_doses", 300L));

    @Test
    void reachingTheTargetExactlyMeetsIt() {
        assertThat(rule.evaluate(township, DAY, Map.of("vaccine_doses", 300L))).isEmpty();
    }

    @Test
    void exceedingTheTargetMeetsIt() {
        assertThat(rule.evaluate(township, DAY, Map.of("vaccine_doses", 301L))).isEmpty();
    }

    @Test
    void oneShortOfTheTargetMissesIt() {
        assertThat(rule.evaluate(township, DAY, Map.of("vaccine_doses", 299L))).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.TARGET_MISSED);
            assertThat(f.ruleId()).isEqualTo("target:vaccine_doses");
            assertThat(f.alertId()).isEqualTo("TARGET_MISSED:twn-tianbao:2026-03-10:target:vaccine_doses");
            assertThat(f.evidence()).containsEntry("target", "300").containsEntry("actual", "299")
                    .containsEntry("shortfall", "1");
            assertThat(f.message()).contains("疫苗接种剂次").contains("299").contains("300");
        });
    }

    @Test
    void aTargetMetricLeftOutOfTheReportCountsAsNothingDone() {
        assertThat(rule.evaluate(township, DAY, Map.of())).singleElement()
                .extracting(f -> f.evidence().get("actual")).isEqualTo("0");
    }

    @Test
    void aUnitWithoutTargetsMissesNone() {
        assertThat(rule.evaluate(RosterFixtures.township("twn-other"), DAY, Map.of())).isEmpty();
    }
}
