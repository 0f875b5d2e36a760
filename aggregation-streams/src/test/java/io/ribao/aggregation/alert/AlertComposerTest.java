package io.ribao.aggregation.alert;

import static io.ribao.aggregation.RosterFixtures.jurisdiction;
import static io.ribao.aggregation.RosterFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.aggregation.day.AlertChange;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);

    @Test
    void missingAlertHasADeterministicIdAChineseMessageAndTheUnitsRecipients() {
        AlertEvent event = new AlertComposer(AlertMessages.chinese()).compose(
                AlertChange.raise(AlertType.MISSING, null, "", Map.of("deadline", "x")),
                unit("twn-tianbao").build(), jurisdiction().build(), D, Instant.EPOCH);

        assertThat(event.getAlertId()).isEqualTo("MISSING:twn-tianbao:2026-03-02");
        assertThat(event.getMessage()).isEqualTo("天保镇（2026-03-02）截至16:30未报送日报（漏报）");
        assertThat(event.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(event.getRecipients()).containsExactly("p-twn-tianbao", "s-twn-tianbao");
        assertThat(event.getEvidence()).containsEntry("deadline", "x");
    }

    @Test
    void ruleIdCompletesTheIdAndConcealmentAlsoGoesToTheOffice() {
        AlertEvent event = new AlertComposer(AlertMessages.chinese()).compose(AlertType.CONCEALMENT_SUSPECTED,
                AlertState.RAISED, "zero-streak", Severity.CRITICAL, "m", Map.of(), unit("u1").build(),
                jurisdiction().build(), D, Instant.EPOCH);

        assertThat(event.getAlertId()).isEqualTo("CONCEALMENT_SUSPECTED:u1:2026-03-02:zero-streak");
        assertThat(event.getRecipients()).containsExactly("p-u1", "s-u1", "u-office");
    }

    @Test
    void everyAlertTypeHasAChineseAndAnEnglishText() {
        for (AlertType type : AlertType.values()) {
            assertThat(AlertMessages.chinese().format(type, AlertState.RAISED, "单位", "2026-03-02", "16:30", "1"))
                    .contains("单位");
            assertThat(new AlertMessages(Locale.ENGLISH).format(type, AlertState.RESOLVED, "unit", "d", "t", "1"))
                    .startsWith("Resolved: unit");
        }
    }
}
