package io.ribao.aggregation.rules;

import static io.ribao.aggregation.rollup.RosterFixtures.DAY;
import static io.ribao.aggregation.rollup.RosterFixtures.aggregateOf;
import static io.ribao.aggregation.rollup.RosterFixtures.signed;
import static io.ribao.aggregation.rollup.RosterFixtures.status;
import static io.ribao.aggregation.rollup.RosterFixtures.township;
import static io.ribao.aggregation.rollup.RosterFixtures.under;
import static io.ribao.aggregation.rollup.RosterFixtures.zeroReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZeroReportContradictionTest {

    private final ZeroReportContradiction rule = new ZeroReportContradiction();
    private final Unit tianbao = township("twn-tianbao");
    private final Unit port = under("twn-tianbao", "cp-port", UnitKind.CHECKPOINT);
    private final Unit team = under("twn-tianbao", "sup-tianbao", UnitKind.SUPERVISION_TEAM);

    @Test
    void aZeroReportWhileAChildReportsActivityIsSuspected() {
        var node = aggregateOf("twn-tianbao", Map.of(
                tianbao, zeroReport(tianbao),
                port, signed(port, Map.of("persons_registered", 1L))));

        assertThat(rule.evaluate("twn-tianbao", DAY, node)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.CONCEALMENT_SUSPECTED);
            assertThat(f.ruleId()).isEqualTo("zero-contradicted");
            assertThat(f.evidence()).containsEntry("childrenActivity", "1").containsEntry("child:cp-port", "1");
        });
    }

    @Test
    void aZeroReportWhoseChildrenReportedNothingIsConsistent() {
        var node = aggregateOf("twn-tianbao", Map.of(
                tianbao, zeroReport(tianbao),
                port, signed(port, Map.of("persons_registered", 0L))));

        assertThat(rule.evaluate("twn-tianbao", DAY, node)).isEmpty();
    }

    @Test
    void aReportWithFiguresIsNotAZeroReport() {
        var node = aggregateOf("twn-tianbao", Map.of(
                tianbao, signed(tianbao, Map.of("key_persons_screened", 0L)),
                port, signed(port, Map.of("persons_registered", 10L))));

        assertThat(rule.evaluate("twn-tianbao", DAY, node)).isEmpty();
    }

    @Test
    void theSupervisionTeamsInspectionsAreNotTheUnitsActivity() {
        var node = aggregateOf("twn-tianbao", Map.of(
                tianbao, zeroReport(tianbao),
                team, signed(team, Map.of("inspections", 4L))));

        assertThat(rule.evaluate("twn-tianbao", DAY, node)).isEmpty();
    }

    @Test
    void aChildsUnsignedDraftIsNotActivityYet() {
        var node = aggregateOf("twn-tianbao", Map.of(
                tianbao, zeroReport(tianbao),
                port, status(port, UnitDayState.PENDING_SIGNOFF, Map.of("persons_registered", 10L))));

        assertThat(rule.evaluate("twn-tianbao", DAY, node)).isEmpty();
    }
}
