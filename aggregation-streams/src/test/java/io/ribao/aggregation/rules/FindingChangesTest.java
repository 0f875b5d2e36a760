package io.ribao.aggregation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingChangesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Test
    void aNewFindingIsRaisedAndAnOpenOneThatNoLongerHoldsIsResolved() {
        // given the target alert is open, and now only the reconciliation finding holds
        RuleFinding target = finding(AlertType.TARGET_MISSED, "target:vaccine_doses");
        RuleFinding reconciliation = finding(AlertType.CONCEALMENT_SUSPECTED, "reconciliation:isolation");

        // when
        FindingChanges changes = FindingChanges.between(Set.of(target.alertId()), List.of(reconciliation));

        // then
        assertThat(changes.raised()).containsExactly(reconciliation);
        assertThat(changes.resolvedAlertIds()).containsExactly(target.alertId());
        assertThat(changes.open()).containsExactly(reconciliation.alertId());
    }

    @Test
    void aFindingThatStillHoldsIsNotRaisedAgain() {
        RuleFinding target = finding(AlertType.TARGET_MISSED, "target:vaccine_doses");

        FindingChanges changes = FindingChanges.between(Set.of(target.alertId()), List.of(target));

        assertThat(changes.raised()).isEmpty();
        assertThat(changes.resolvedAlertIds()).isEmpty();
        assertThat(changes.open()).containsExactly(target.alertId());
    }

    private static RuleFinding finding(AlertType type, String ruleId) {
        return new RuleFinding(type, "twn-tianbao", DAY, ruleId, Severity.WARNING, "target.missed",
                List.of("a", "b", "c", "d"), Map.of());
    }
}
