package io.ribao.bulletin.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRoutingTest {

    private final AlertRouting.UnitPeople township = new AlertRouting.UnitPeople("u-sj", List.of("u-dc-07"));

    @Test
    void anAlertGoesToThePrincipalAndSupervisorsOnceEach() {
        List<String> to = AlertRouting.recipients(AlertType.MISSING, List.of("u-dc-07"), township,
                List.of("u-office-1"));

        assertThat(to).containsExactly("u-dc-07", "u-sj");
    }

    @Test
    void stillMissingAndConcealmentAlsoGoToTheCommandOffice() {
        assertThat(AlertRouting.recipients(AlertType.STILL_MISSING, List.of(), township, List.of("u-office-1")))
                .containsExactly("u-sj", "u-dc-07", "u-office-1");
        assertThat(AlertRouting.recipients(AlertType.CONCEALMENT_SUSPECTED, List.of(), township,
                List.of("u-office-1"))).contains("u-office-1");
    }

    @Test
    void escalationGoesToTheParentsPrincipalAndSupervisors() {
        assertThat(AlertRouting.escalation(new AlertRouting.UnitPeople("u-county", List.of("u-dc-01"))))
                .containsExactly("u-county", "u-dc-01");
        assertThat(AlertRouting.escalation(null)).isEmpty();
    }

    @Test
    void alertsOfOneDeadlineShareADigestKeyAndOtherDeadlinesDoNot() {
        LocalDate day = LocalDate.parse("2026-03-02");

        assertThat(DigestSlot.key("u-sj", day, AlertType.MISSING))
                .isEqualTo(DigestSlot.key("u-sj", day, AlertType.UNSIGNED));
        assertThat(DigestSlot.key("u-sj", day, AlertType.MISSING))
                .isNotEqualTo(DigestSlot.key("u-sj", day, AlertType.STILL_MISSING));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(40)).isEqualTo(Duration.ofMinutes(1));
    }
}
