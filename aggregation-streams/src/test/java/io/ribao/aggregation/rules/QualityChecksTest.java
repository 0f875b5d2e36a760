package io.ribao.aggregation.rules;

import static io.ribao.aggregation.rollup.RosterFixtures.DAY;
import static io.ribao.aggregation.rollup.RosterFixtures.aggregateOf;
import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.township;
import static io.ribao.aggregation.rollup.RosterFixtures.under;
import static io.ribao.aggregation.rollup.RosterFixtures.withTargets;
import static io.ribao.aggregation.rollup.RosterFixtures.zeroReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.ReconciliationRule;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityChecksTest {

    private final QualityChecks checks = new QualityChecks(MetricNames.CODES_ONLY);
    private final Jurisdiction jurisdiction = RuleFixtures.jurisdiction(RuleFixtures.defaults(), List.of(
            ReconciliationRule.newBuilder().setId("isolation-vs-checkpoints").setParentMetric("centralized_isolation")
                    .setChildMetric("persons_isolated").setChildKinds(List.of(UnitKind.CHECKPOINT)).build()));
    private final Unit tianbao = withTargets(township("twn-tianbao"), Map.of("vaccine_doses", 100L));
    private final Unit port = under("twn-tianbao", "cp-port", UnitKind.CHECKPOINT);

    @Test
    void aSignedUnitDayIsJudgedByTheUnitLevelRules() {
        var findings = checks.onSignedUnitDay(signed(tianbao, Map.of("vaccine_doses", 90L)), tianbao, null,
                jurisdiction, UnitHistory.empty());

        assertThat(findings).extracting(RuleFinding::ruleId).containsExactly("target:vaccine_doses");
    }

    @Test
    void aDraftIsNotJudgedYet() {
        var findings = checks.onSignedUnitDay(status(tianbao, UnitDayState.PENDING_SIGNOFF, Map.of()), tianbao, null,
                jurisdiction, UnitHistory.empty());

        assertThat(findings).isEmpty();
    }

    @Test
    void aSuspendedUnitRaisesNothing() {
        Unit suspended = Unit.newBuilder(tianbao).setSuspended(true).build();

        var findings = checks.onSignedUnitDay(signed(suspended, Map.of()), suspended, null, jurisdiction,
                UnitHistory.empty());

        assertThat(findings).isEmpty();
    }

    @Test
    void aNodeIsJudgedByReconciliationAndZeroContradiction() {
        // given the township files a zero report while its checkpoint isolated 2 people
        var node = aggregateOf("twn-tianbao", Map.of(
                tianbao, zeroReport(tianbao),
                port, signed(port, Map.of("persons_isolated", 2L))));

        // when
        var findings = checks.onNode("twn-tianbao", DAY, node, jurisdiction);

        // then
        assertThat(findings).extracting(RuleFinding::ruleId)
                .containsExactly("reconciliation:isolation-vs-checkpoints", "zero-contradicted");
    }

    @Test
    void theHistoryEntryOfAUnitDayCarriesItsSignedFigures() {
        DayRecord record = QualityChecks.dayOf(zeroReport(tianbao));

        assertThat(record.date()).isEqualTo(DAY);
        assertThat(record.zeroReport()).isTrue();
        assertThat(record.isZero()).isTrue();
    }
}
