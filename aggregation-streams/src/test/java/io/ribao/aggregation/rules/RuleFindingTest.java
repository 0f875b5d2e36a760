package io.ribao.aggregation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.alert.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleFindingTest {

    private final RuleFinding finding = new RuleFinding(AlertType.TARGET_MISSED, "twn-tianbao",
            LocalDate.of(2026, 3, 10), "target:vaccine_doses", Severity.WARNING, "target.missed",
            List.of("疫苗接种剂次", "299", "300", "1"), Map.of("target", "300", "actual", "299"));

    @Test
    void theAlertIdIsTypeUnitDateAndRule() {
        assertThat(finding.alertId()).isEqualTo("TARGET_MISSED:twn-tianbao:2026-03-10:target:vaccine_doses");
    }

    @Test
    void theMessageIsChineseByDefaultAndEnglishOnRequest() {
        assertThat(finding.message()).isEqualTo("疫苗接种剂次完成299\uff0c未达到当日目标300\uff08差1\uff09。");
        assertThat(finding.message(Locale.ENGLISH))
                .isEqualTo("疫苗接种剂次 reached 299, short of the daily target of 300 (by 1).");
    }

    @Test
    void theAlertTextNamesTheUnitAndTheDayFirst() {
        assertThat(finding.messageAbout("天保镇"))
                .isEqualTo("天保镇\uff082026-03-10\uff09疫苗接种剂次完成299\uff0c未达到当日目标300\uff08差1\uff09。");
        assertThat(finding.messageAbout("Tianbao", Locale.ENGLISH))
                .startsWith("Tianbao (2026-03-10): 疫苗接种剂次 reached 299");
    }

    @Test
    void everyMessageKeyOfTheRulesExistsInBothLanguages() {
        for (String key : List.of("finding.subject", "reconciliation.lower", "zero.contradicted", "downward.revision", "outlier.drop",
                "outlier.above.max", "zero.streak", "target.missed")) {
            List<String> args = List.of("a", "b", "c", "d", "e", "f");
            assertThat(RuleMessages.format(key, args, RuleMessages.CHINESE)).as(key).doesNotContain("{");
            assertThat(RuleMessages.format(key, args, Locale.ENGLISH)).as(key).doesNotContain("{");
        }
    }

    @Test
    void theFindingBecomesARaisedAlertForTheGivenRecipients() {
        Instant at = Instant.parse("2026-03-10T08:31:00Z");

        AlertEvent alert = finding.toAlertEvent("demo-county", "天保镇", List.of("u-tianbao-sj", "u-dc-07"), at);

        assertThat(alert.getAlertId()).isEqualTo(finding.alertId());
        assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
        assertThat(alert.getType()).isEqualTo(AlertType.TARGET_MISSED);
        assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(alert.getRuleId()).isEqualTo("target:vaccine_doses");
        assertThat(alert.getMessage()).isEqualTo(finding.messageAbout("天保镇"));
        assertThat(alert.getEvidence()).containsEntry("target", "300");
        assertThat(alert.getRecipients()).containsExactly("u-tianbao-sj", "u-dc-07");
        assertThat(alert.getAt()).isEqualTo(at);
        assertThat(alert.getDate()).isEqualTo(LocalDate.of(2026, 3, 10));
    }
}
