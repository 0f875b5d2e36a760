package io.ribao.bulletin.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestClock;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.db.AlertDao;
import io.ribao.bulletin.db.DatabaseAudit;
import io.ribao.bulletin.db.ReadModelDao;
import io.ribao.bulletin.db.ReadModelRows;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.bulletin.delivery.Backoff;
import io.ribao.bulletin.delivery.Channels;
import io.ribao.bulletin.delivery.Dispatcher;
import io.ribao.bulletin.delivery.InAppChannel;
import io.ribao.bulletin.delivery.NoticePlanner;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.i18n.Language;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may acknowledge an alert (DESIGN.md §3, §5; decision 430), and what a refusal leaves in place. */
class AlertAcknowledgementTest {

    private static final Duration DIGEST_WINDOW = Duration.ofSeconds(10);
    private static final Duration ESCALATION = Duration.ofMinutes(30);
    private static final Duration REPEAT = Duration.ofHours(1);
    private static final String SOURCE = "192.0.2.7";

    private TestClock clock;
    private Jdbi jdbi;
    private AlertResource resource;
    private Dispatcher dispatcher;

    @BeforeEach
    void county() {
        clock = new TestClock(Fixtures.DEADLINE);
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useExtension(ReadModelDao.class, dao -> {
            dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(Fixtures.jurisdiction()));
            Fixtures.units().forEach(u -> dao.upsertUnit(ReadModelRows.UnitRow.of(u)));
            Fixtures.users().forEach(u -> dao.upsertUser(ReadModelRows.UserRow.of(u)));
        });
        Zones zones = new Zones(RosterView.fixed(List.of(Fixtures.jurisdiction()), Fixtures.units(), List.of(),
                Fixtures.users()));
        resource = new AlertResource(jdbi, zones, clock, new DatabaseAudit(jdbi));
        dispatcher = new Dispatcher(jdbi, clock, new Channels(Map.of("inapp", new InAppChannel(clock))),
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10)), 3, ESCALATION, REPEAT,
                Duration.ofSeconds(1));
    }

    private AlertEvent raise(AlertType type, String unitId, List<String> recipients) {
        AlertEvent alert = Fixtures.alert(type, unitId, AlertState.RAISED, clock.instant(), recipients);
        jdbi.useTransaction(h -> {
            h.attach(ReadModelDao.class).raiseAlert(ReadModelRows.AlertRow.of(alert));
            new NoticePlanner(DIGEST_WINDOW).raised(h, alert);
        });
        return alert;
    }

    private static RibaoPrincipal caller(String userId) {
        User user = Fixtures.users().stream().filter(u -> u.getId().equals(userId)).findFirst().orElseThrow();
        return new RibaoPrincipal(user.getId(), user.getName(), user.getRole(), user.getUnitId(), Fixtures.COUNTY);
    }

    private List<String> inboxTitles(String recipientId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT title FROM inbox WHERE recipient_id = ? ORDER BY id")
                .bind(0, recipientId).mapTo(String.class).list());
    }

    private List<Map<String, Object>> acknowledgements() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT actor, detail ->> 'outcome' AS outcome, detail ->> 'reason' AS reason, source FROM audit
                WHERE action = 'ALERT_ACK' ORDER BY id""").mapToMap().list());
    }

    private AlertDao.Alert stored(AlertEvent alert) {
        return jdbi.onDemand(AlertDao.class).byId(alert.getAlertId()).orElseThrow();
    }

    @Test
    void theSuspectUnitsOwnPeopleCannotAcknowledgeItsConcealmentAlertAndTheOfficeIsStillTold() {
        // given a concealment alert about 天保镇, naming its principal and its clerk among the recipients
        AlertEvent alert = raise(AlertType.CONCEALMENT_SUSPECTED, "twn-tianbao",
                List.of("u-tianbao-sj", "u-tianbao-clerk"));

        // when the township's principal and clerk try to acknowledge it within the digest window
        ApiException principal = catchThrowableOfType(
                () -> resource.acknowledge(caller("u-tianbao-sj"), alert.getAlertId(), SOURCE), ApiException.class);
        ApiException clerk = catchThrowableOfType(
                () -> resource.acknowledge(caller("u-tianbao-clerk"), alert.getAlertId(), SOURCE),
                ApiException.class);
        clock.advance(DIGEST_WINDOW);
        dispatcher.dispatchDue();
        clock.advance(ESCALATION);
        Dispatcher.Pass later = dispatcher.dispatchDue();

        // then both are refused in the error shape, in either language, audited, and nothing is silenced
        assertThat(principal).as("the unit's own principal is refused").isNotNull();
        assertThat(principal.status()).isEqualTo(403);
        assertThat(principal.code()).isEqualTo("FORBIDDEN");
        assertThat(principal.toBody(Language.CHINESE).message()).contains("本单位");
        assertThat(principal.toBody(Language.ENGLISH).message()).contains("own unit");
        assertThat(clerk).as("the unit's clerk is refused").isNotNull();
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(acknowledgements()).extracting(a -> a.get("actor") + ":" + a.get("outcome") + ":" + a.get("reason"))
                .containsExactly("u-tianbao-sj:REFUSED:the alert is about the caller's own unit",
                        "u-tianbao-clerk:REFUSED:the alert is about the caller's own unit");
        assertThat(acknowledgements()).allSatisfy(a -> assertThat(a.get("source")).isEqualTo(SOURCE));
        assertThat(stored(alert).acknowledgedAt()).isNull();
        assertThat(inboxTitles("u-office-1")).as("the command office is told").hasSize(1);
        assertThat(inboxTitles("u-dc-07")).as("the supervisor is told").hasSize(1);
        assertThat(later.escalated()).as("told one level up: the county's principal").isEqualTo(1);
        assertThat(inboxTitles("u-county-sj")).hasSize(1);
    }

    @Test
    void anotherJurisdictionsOfficeIsToldTheAlertIsUnknownAndItStillEscalates() {
        // given an alert about 天保镇, and the office of another county served by the same deployment
        AlertEvent alert = raise(AlertType.MISSING, "twn-tianbao", List.of());
        RibaoPrincipal otherOffice = new RibaoPrincipal("u-office-2", "办公室", Role.OFFICE, null, "other-county");

        // when that office acknowledges it within the digest window
        ApiException refused = catchThrowableOfType(
                () -> resource.acknowledge(otherOffice, alert.getAlertId(), SOURCE), ApiException.class);
        clock.advance(DIGEST_WINDOW);
        dispatcher.dispatchDue();
        clock.advance(ESCALATION);
        Dispatcher.Pass later = dispatcher.dispatchDue();

        // then it is answered as an unknown alert would be, nothing is acknowledged, the attempt is on record
        // (decision 435), and the alert escalates as before
        assertThat(refused).as("another jurisdiction's office is refused").isNotNull();
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("NOT_FOUND");
        assertThat(stored(alert).acknowledgedAt()).isNull();
        assertThat(stored(alert).acknowledgedBy()).isNull();
        assertThat(acknowledgements()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor", "u-office-2").containsEntry("outcome", "REFUSED")
                .containsEntry("reason", "another jurisdiction's alert"));
        assertThat(later.escalated()).as("told one level up: the county's principal").isEqualTo(1);
        assertThat(inboxTitles("u-county-sj")).hasSize(1);
    }

    @Test
    void theUnitsSupervisorTheLevelAboveAndTheOfficeMayAcknowledge() {
        // given an alert about the port checkpoint, escalated to 天保镇 after the delay
        AlertEvent bySupervisor = raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        AlertEvent byAbove = raise(AlertType.UNSIGNED, "cp-tianbao-port", List.of());
        AlertEvent byOffice = raise(AlertType.LATE, "cp-tianbao-port", List.of());
        clock.advance(DIGEST_WINDOW);
        dispatcher.dispatchDue();
        clock.advance(ESCALATION);
        dispatcher.dispatchDue();

        // when the unit's supervisor, the township's principal (told by escalation) and the office acknowledge
        resource.acknowledge(caller("u-dc-07"), bySupervisor.getAlertId(), SOURCE);
        resource.acknowledge(caller("u-tianbao-sj"), byAbove.getAlertId(), SOURCE);
        resource.acknowledge(caller("u-office-1"), byOffice.getAlertId(), SOURCE);

        // then each acknowledgement counts
        assertThat(stored(bySupervisor).acknowledgedBy()).isEqualTo("u-dc-07");
        assertThat(stored(byAbove).acknowledgedBy()).isEqualTo("u-tianbao-sj");
        assertThat(stored(byOffice).acknowledgedBy()).isEqualTo("u-office-1");
        assertThat(acknowledgements()).extracting(a -> a.get("outcome")).containsOnly("ACCEPTED").hasSize(3);
    }
}
