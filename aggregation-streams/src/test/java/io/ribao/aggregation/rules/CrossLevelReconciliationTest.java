package io.ribao.aggregation.rules;

import static io.ribao.aggregation.rollup.RosterFixtures.DAY;
import static io.ribao.aggregation.rollup.RosterFixtures.aggregateOf;
import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.township;
import static io.ribao.aggregation.rollup.RosterFixtures.under;
import static io.ribao.aggregation.rollup.RosterFixtures.zeroReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.rollup.NodeAggregate;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import io.ribao.schemas.roster.ReconciliationRule;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossLevelReconciliationTest {

    private final CrossLevelReconciliation rule = new CrossLevelReconciliation(
            new MetricNames(Map.of("centralized_isolation", "集中隔离人数", "persons_isolated", "转运隔离人数")));
    private final Unit tianbao = township("twn-tianbao");
    private final Unit port = under("twn-tianbao", "cp-port", UnitKind.CHECKPOINT);
    private final Unit pass = under("twn-tianbao", "cp-pass", UnitKind.CHECKPOINT);
    private final Unit patrol = under("twn-tianbao", "pt-river", UnitKind.PATROL);

    /** Checkpoints sent 4 + 3 = 7 people to isolation; the patrol's 50 is not mapped. */
    private NodeAggregate townshipReporting(UnitDayStatus own) {
        return aggregateOf("twn-tianbao", Map.of(
                tianbao, own,
                port, signed(port, Map.of("persons_isolated", 4L)),
                pass, signed(pass, Map.of("persons_isolated", 3L)),
                patrol, signed(patrol, Map.of("persons_isolated", 50L))));
    }

    private static List<ReconciliationRule> tolerance(long tolerance) {
        return List.of(ReconciliationRule.newBuilder()
                .setId("isolation-vs-checkpoints")
                .setParentMetric("centralized_isolation")
                .setChildMetric("persons_isolated")
                .setChildKinds(List.of(UnitKind.CHECKPOINT))
                .setTolerance(tolerance)
                .build());
    }

    @Test
    void aParentShortByExactlyTheToleranceIsAccepted() {
        NodeAggregate node = townshipReporting(signed(tianbao, Map.of("centralized_isolation", 5L)));

        assertThat(rule.evaluate("twn-tianbao", DAY, node, tolerance(2))).isEmpty();
    }

    @Test
    void aParentShortByOneMoreThanTheToleranceIsSuspectedWithTheEvidence() {
        // given the township reports 5 against its checkpoints' 7, tolerance 1
        NodeAggregate node = townshipReporting(signed(tianbao, Map.of("centralized_isolation", 5L)));

        // when
        List<RuleFinding> findings = rule.evaluate("twn-tianbao", DAY, node, tolerance(1));

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.CONCEALMENT_SUSPECTED);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.ruleId()).isEqualTo("reconciliation:isolation-vs-checkpoints");
            assertThat(f.unitId()).isEqualTo("twn-tianbao");
            assertThat(f.evidence())
                    .containsEntry("parentValue", "5")
                    .containsEntry("childrenSum", "7")
                    .containsEntry("tolerance", "1")
                    .containsEntry("child:cp-port", "4")
                    .containsEntry("child:cp-pass", "3")
                    .doesNotContainKey("child:pt-river");
            assertThat(f.message()).contains("集中隔离人数").contains("转运隔离人数").contains("5").contains("7");
        });
    }

    @Test
    void aParentAtOrAboveItsChildrenIsAccepted() {
        assertThat(rule.evaluate("twn-tianbao", DAY,
                townshipReporting(signed(tianbao, Map.of("centralized_isolation", 7L))), tolerance(0))).isEmpty();
        assertThat(rule.evaluate("twn-tianbao", DAY,
                townshipReporting(signed(tianbao, Map.of("centralized_isolation", 6L))), tolerance(0))).hasSize(1);
    }

    @Test
    void aParentZeroReportCountsAsZero() {
        assertThat(rule.evaluate("twn-tianbao", DAY, townshipReporting(zeroReport(tianbao)), tolerance(0)))
                .singleElement().extracting(f -> f.evidence().get("parentValue")).isEqualTo("0");
    }

    @Test
    void nothingIsJudgedBeforeTheParentSigns() {
        NodeAggregate node = townshipReporting(
                status(tianbao, UnitDayState.PENDING_SIGNOFF, Map.of("centralized_isolation", 0L)));

        assertThat(rule.evaluate("twn-tianbao", DAY, node, tolerance(0))).isEmpty();
    }

    @Test
    void aParentReportWithoutTheMetricCannotBeReconciled() {
        NodeAggregate node = townshipReporting(signed(tianbao, Map.of("home_isolation", 1L)));

        assertThat(rule.evaluate("twn-tianbao", DAY, node, tolerance(0))).isEmpty();
    }

    @Test
    void unsignedChildrenDoNotCount() {
        // given the pass has only a draft
        NodeAggregate node = aggregateOf("twn-tianbao", Map.of(
                tianbao, signed(tianbao, Map.of("centralized_isolation", 4L)),
                port, signed(port, Map.of("persons_isolated", 4L)),
                pass, status(pass, UnitDayState.PENDING_SIGNOFF, Map.of("persons_isolated", 3L))));

        assertThat(rule.evaluate("twn-tianbao", DAY, node, tolerance(0))).isEmpty();
    }
}
