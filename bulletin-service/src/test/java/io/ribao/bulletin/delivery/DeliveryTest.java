package io.ribao.bulletin.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestClock;
import io.ribao.bulletin.db.ReadModelDao;
import io.ribao.bulletin.db.ReadModelRows;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.bulletin.document.BulletinContent;
import io.ribao.bulletin.document.BulletinDrafter;
import io.ribao.bulletin.document.DemoCountyAccess;
import io.ribao.bulletin.document.JsonRenderer;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.roster.Channel;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Duration DIGEST_WINDOW = Duration.ofSeconds(10);
    private static final Duration ESCALATION = Duration.ofMinutes(30);
    private static final Duration REPEAT = Duration.ofHours(1);
    private static final Duration BACKOFF = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Receiver receiver = new Receiver();
    private TestClock clock;
    private Jdbi jdbi;
    private Dispatcher dispatcher;

    @BeforeEach
    void county() {
        clock = new TestClock(Fixtures.DEADLINE);
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useExtension(ReadModelDao.class, dao -> {
            dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(Fixtures.jurisdiction()));
            Fixtures.units().forEach(u -> dao.upsertUnit(ReadModelRows.UnitRow.of(u)));
            Fixtures.users().forEach(u -> dao.upsertUser(ReadModelRows.UserRow.of(u)));
            dao.upsertUser(ReadModelRows.UserRow.of(Fixtures.user("u-port-sj", "张三", Role.PRINCIPAL,
                    "cp-tianbao-port", List.of(
                            webhook("/json", "json"), webhook("/wecom", "wecom"),
                            webhook("/dingtalk", "dingtalk"), webhook("/feishu", "feishu"),
                            Channel.newBuilder().setType("email").setTo("zhangsan@example.org").build()))));
        });
        dispatcher = new Dispatcher(jdbi, clock, new Channels(Map.of(
                "inapp", new InAppChannel(clock),
                "webhook", new WebhookChannel(Duration.ofSeconds(5)),
                "email", new EmailChannel("127.0.0.1", ServerSetupTest.SMTP.getPort(), "ribao@example.org",
                        5000))),
                new Backoff(BACKOFF, Duration.ofMinutes(10)), 3, ESCALATION, REPEAT, Duration.ofSeconds(1));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Channel webhook(String path, String format) {
        return Channel.newBuilder().setType("webhook").setUrl(receiver.url(path)).setFormat(format).build();
    }

    private AlertEvent raise(AlertType type, String unitId, List<String> recipients) {
        return raise(Fixtures.alert(type, unitId, AlertState.RAISED, clock.instant(), recipients));
    }

    private AlertEvent raise(AlertEvent alert) {
        jdbi.useTransaction(h -> {
            h.attach(ReadModelDao.class).raiseAlert(ReadModelRows.AlertRow.of(alert));
            new NoticePlanner(DIGEST_WINDOW).raised(h, alert);
        });
        return alert;
    }

    private List<String> inboxTitles(String recipientId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT title FROM inbox WHERE recipient_id = ? ORDER BY id")
                .bind(0, recipientId).mapTo(String.class).list());
    }

    @Test
    void alertsOfOneDeadlineGoOutAsOneDigestPerRecipient() {
        raise(AlertType.MISSING, "twn-tianbao", List.of());
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        raise(AlertType.UNSIGNED, "dep-health", List.of());

        Dispatcher.Pass early = dispatcher.dispatchDue();
        clock.advance(DIGEST_WINDOW);
        dispatcher.dispatchDue();

        assertThat(early.queued()).isZero();
        assertThat(inboxTitles("u-dc-07")).hasSize(1).first().asString().contains("2 条预警");
        String body = jdbi.withHandle(h -> h.createQuery("SELECT body FROM inbox WHERE recipient_id = 'u-dc-07'")
                .mapTo(String.class).one());
        assertThat(body).contains("天保镇").contains("天保口岸卡点");
        assertThat(inboxTitles("u-tianbao-sj")).hasSize(1);
        assertThat(inboxTitles("u-health-sj")).hasSize(1).first().asString().contains("1 条预警");
    }

    @Test
    void webhookBodiesFollowEachRobotFormatFieldByField() throws Exception {
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        clock.advance(DIGEST_WINDOW);

        dispatcher.dispatchDue();

        JsonNode json = JSON.readTree(receiver.calls("/json").get(0).body());
        assertThat(json.get("kind").asText()).isEqualTo("ALERT_DIGEST");
        assertThat(json.get("recipientId").asText()).isEqualTo("u-port-sj");
        assertThat(json.get("deadline").asText()).isEqualTo("SUBMISSION");
        assertThat(json.get("alerts").get(0).get("unitId").asText()).isEqualTo("cp-tianbao-port");
        assertThat(json.get("alerts").get(0).get("type").asText()).isEqualTo("MISSING");

        JsonNode wecom = JSON.readTree(receiver.calls("/wecom").get(0).body());
        assertThat(wecom.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(wecom.get("markdown").get("content").asText()).contains("天保口岸卡点").contains("漏报");

        JsonNode ding = JSON.readTree(receiver.calls("/dingtalk").get(0).body());
        assertThat(ding.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(ding.get("markdown").get("title").asText()).contains("1 条预警");
        assertThat(ding.get("markdown").get("text").asText()).contains("天保口岸卡点");

        JsonNode feishu = JSON.readTree(receiver.calls("/feishu").get(0).body());
        assertThat(feishu.get("msg_type").asText()).isEqualTo("interactive");
        assertThat(feishu.get("card").get("header").get("title").get("content").asText()).contains("1 条预警");
        assertThat(feishu.get("card").get("elements").get(0).get("tag").asText()).isEqualTo("markdown");
        assertThat(feishu.get("card").get("elements").get(0).get("content").asText()).contains("天保口岸卡点");
        assertThat(receiver.calls("/json").get(0).messageKey()).isNotBlank();
    }

    @Test
    void aDigestOfFiftyAlertsReachesAWecomRobotCutAtWholeLinesToItsLimit() throws Exception {
        // given 50 checkpoints under the supervision team, whose only external channel is a WeCom robot
        jdbi.useExtension(ReadModelDao.class, dao -> {
            for (int i = 1; i <= 50; i++) {
                dao.upsertUnit(ReadModelRows.UnitRow.of(Fixtures.unit("cp-tianbao-" + i, "天保镇第" + i + "村防疫卡点",
                        io.ribao.schemas.roster.UnitKind.CHECKPOINT, "twn-tianbao", null, List.of("u-dc-07"))));
            }
            dao.upsertUser(ReadModelRows.UserRow.of(Fixtures.user("u-dc-07", "督查七组", Role.SUPERVISOR, null,
                    List.of(webhook("/wecom-dc", "wecom")))));
        });

        // when all 50 miss the deadline and their digest goes out
        for (int i = 1; i <= 50; i++) {
            AlertEvent missing = Fixtures.alert(AlertType.MISSING, "cp-tianbao-" + i, AlertState.RAISED,
                    clock.instant(), List.of());
            raise(AlertEvent.newBuilder(missing)
                    .setMessage("天保镇第" + i + "村防疫卡点（2026-03-02）截至16:30未报送日报（漏报），请立即核实并补报").build());
        }
        clock.advance(DIGEST_WINDOW);
        Dispatcher.Pass pass = dispatcher.dispatchDue();

        // then the robot takes it at once: within its limit, the lines left out counted on the last line
        assertThat(pass.retrying() + pass.failed()).isZero();
        assertThat(receiver.calls("/wecom-dc")).singleElement()
                .satisfies(call -> assertThat(call.errcode()).isZero());
        String content = JSON.readTree(receiver.calls("/wecom-dc").get(0).body()).get("markdown").get("content")
                .asText();
        assertThat(content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(Receiver.WECOM_MARKDOWN_BYTES);
        assertThat(content).startsWith("### ").contains("50 条预警");
        long shown = content.lines().filter(l -> l.startsWith("- **")).count();
        assertThat(shown).isBetween(10L, 49L);
        assertThat(content.lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("…等 " + (50 - shown) + " 条，请登录指挥部工作台查看");
        assertThat(inboxTitles("u-dc-07")).singleElement().asString().contains("50 条预警");
        String inbox = jdbi.withHandle(h -> h.createQuery("SELECT body FROM inbox WHERE recipient_id = 'u-dc-07'")
                .mapTo(String.class).one());
        assertThat(inbox).as("the in-app message keeps every alert").contains("天保镇第50村防疫卡点");
    }

    @Test
    void aDigestTitleGivesTheJurisdictionsOwnDeadline() {
        // given a county whose reports are due at 17:00, not 16:30
        jdbi.useExtension(ReadModelDao.class, dao -> dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(
                io.ribao.schemas.roster.Jurisdiction.newBuilder(Fixtures.jurisdiction()).setSubmission("17:00:00")
                        .setBulletin("18:30:00").build())));
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        raise(AlertType.STILL_MISSING, "dep-health", List.of());
        clock.advance(DIGEST_WINDOW);

        dispatcher.dispatchDue();

        assertThat(inboxTitles("u-port-sj")).singleElement().asString()
                .contains("17:00 报送截止").doesNotContain("16:30");
        assertThat(inboxTitles("u-health-sj")).singleElement().asString()
                .contains("18:30 专报截止").doesNotContain("18:00");
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffAndOnceRecoveredGetsTheAlertExactlyOnce() {
        receiver.answer("/json", 503);
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        clock.advance(DIGEST_WINDOW);

        Dispatcher.Pass first = dispatcher.dispatchDue();
        Dispatcher.Pass tooSoon = dispatcher.dispatchDue();
        receiver.answer("/json", 200);
        clock.advance(BACKOFF);
        Dispatcher.Pass retried = dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(5));
        dispatcher.dispatchDue();

        assertThat(first.retrying()).isEqualTo(1);
        assertThat(tooSoon.sent() + tooSoon.retrying()).isZero();
        assertThat(retried.sent()).isEqualTo(1);
        assertThat(receiver.calls("/json")).extracting(Receiver.Call::answered).containsExactly(503, 200);
        List<Map<String, Object>> attempts = jdbi.withHandle(h -> h.createQuery("""
                SELECT a.attempt, a.succeeded, a.at FROM delivery_attempts a JOIN outbox o ON o.id = a.outbox_id
                WHERE o.channel ->> 'format' = 'json' ORDER BY a.attempt""").mapToMap().list());
        assertThat(attempts).extracting(m -> m.get("succeeded")).containsExactly(false, true);
        assertThat(receiver.calls("/wecom")).hasSize(1);
    }

    @Test
    void theBackoffDoublesAfterEachFailureAndGivesUpAfterTheLastAttempt() {
        Backoff backoff = new Backoff(BACKOFF, Duration.ofSeconds(12));
        receiver.answer("/json", 500);
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        clock.advance(DIGEST_WINDOW);

        dispatcher.dispatchDue();
        clock.advance(BACKOFF);
        dispatcher.dispatchDue();
        clock.advance(BACKOFF.multipliedBy(2));
        Dispatcher.Pass last = dispatcher.dispatchDue();

        assertThat(backoff.after(1)).isEqualTo(BACKOFF);
        assertThat(backoff.after(2)).isEqualTo(BACKOFF.multipliedBy(2));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(12));
        assertThat(last.failed()).isEqualTo(1);
        String state = jdbi.withHandle(h -> h.createQuery(
                "SELECT state FROM outbox WHERE channel ->> 'format' = 'json'").mapTo(String.class).one());
        assertThat(state).isEqualTo("FAILED");
        assertThat(receiver.calls("/json")).hasSize(3);
    }

    @Test
    void emailGoesOutOverSmtpInChinese() throws Exception {
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        clock.advance(DIGEST_WINDOW);

        dispatcher.dispatchDue();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("zhangsan@example.org");
        assertThat(mails[0].getSubject()).contains("1 条预警");
        assertThat(mails[0].getContent().toString()).contains("天保口岸卡点");
    }

    @Test
    void anUnacknowledgedAlertEscalatesOneLevelUpAndRepeatsUntilAcknowledged() {
        AlertEvent alert = raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        clock.advance(DIGEST_WINDOW);
        dispatcher.dispatchDue();
        assertThat(inboxTitles("u-tianbao-sj")).isEmpty();

        clock.advance(ESCALATION);
        Dispatcher.Pass escalation = dispatcher.dispatchDue();
        clock.advance(REPEAT.minus(ESCALATION));
        Dispatcher.Pass repeat = dispatcher.dispatchDue();
        jdbi.useHandle(h -> h.execute("UPDATE alerts SET acknowledged_at = now(), acknowledged_by = 'u-port-sj' "
                + "WHERE alert_id = ?", alert.getAlertId()));
        clock.advance(REPEAT.multipliedBy(3));
        Dispatcher.Pass afterAck = dispatcher.dispatchDue();

        assertThat(escalation.escalated()).isEqualTo(1);
        assertThat(inboxTitles("u-tianbao-sj")).hasSize(2);
        assertThat(inboxTitles("u-tianbao-sj").get(0)).contains("上报提醒");
        assertThat(repeat.repeated()).isPositive();
        assertThat(inboxTitles("u-port-sj")).hasSize(2);
        assertThat(inboxTitles("u-port-sj").get(1)).contains("重复提醒");
        assertThat(afterAck.repeated() + afterAck.queued()).isZero();
    }

    @Test
    void afterAnOutageAcrossTheDelayAnAlertEscalatesOnlyTheDelayAfterItsFirstNotice() {
        // given an alert raised at 16:30 whose first notices fall due only when the service is back at 18:00
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        clock.advance(Duration.ofMinutes(90));

        // when the dispatcher catches up, passes again a moment later, just before and at the delay after it
        Dispatcher.Pass caughtUp = dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(2));
        Dispatcher.Pass moment = dispatcher.dispatchDue();
        clock.advance(ESCALATION.minusSeconds(3));
        Dispatcher.Pass justBefore = dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(1));
        Dispatcher.Pass atTheDelay = dispatcher.dispatchDue();

        // then the first notice goes out alone, and the level above is told the delay after it
        assertThat(caughtUp.escalated() + moment.escalated() + justBefore.escalated())
                .as("escalated before anyone could acknowledge").isZero();
        assertThat(caughtUp.queued()).isEqualTo(2);
        assertThat(atTheDelay.escalated()).isEqualTo(1);
        assertThat(inboxTitles("u-tianbao-sj")).hasSize(1);
    }

    @Test
    void afterAnOutageAcrossTheIntervalAnAlertRepeatsOnlyTheIntervalAfterItsFirstNotice() {
        // given an alert raised at 16:30 whose first notices fall due only when the service is back at 18:00
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        clock.advance(Duration.ofMinutes(90));

        // when the dispatcher catches up, passes again a moment later, just before and at the interval after it
        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(2));
        Dispatcher.Pass moment = dispatcher.dispatchDue();
        clock.advance(REPEAT.minusSeconds(3));
        Dispatcher.Pass justBefore = dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(1));
        Dispatcher.Pass atTheInterval = dispatcher.dispatchDue();

        // then the first repeat comes one interval after the first notice, as round 1
        assertThat(moment.repeated() + justBefore.repeated()).as("repeated before anyone could acknowledge")
                .isZero();
        assertThat(atTheInterval.repeated()).isPositive();
        assertThat(inboxTitles("u-port-sj")).hasSize(2);
        assertThat(inboxTitles("u-port-sj").get(1)).contains("重复提醒");
        assertThat(rounds("u-port-sj")).containsExactly(0, 1);
    }

    @Test
    void repeatsMissedDuringAnOutageAreNotSentInABurstNorRightAfterALateEscalation() {
        // given an alert whose first notice went out, then an outage of three and a half intervals
        raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        clock.advance(DIGEST_WINDOW);
        dispatcher.dispatchDue();
        clock.advance(REPEAT.multipliedBy(7).dividedBy(2));

        // when the dispatcher passes twice after the outage
        Dispatcher.Pass back = dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(2));
        Dispatcher.Pass again = dispatcher.dispatchDue();

        // then only the latest round goes out, once, and the level above, told late, is not reminded at once
        assertThat(back.repeated()).isPositive();
        assertThat(back.escalated()).isEqualTo(1);
        assertThat(again.repeated()).as("a repeat seconds after the escalation").isZero();
        assertThat(rounds("u-port-sj")).containsExactly(0, 3);
        assertThat(inboxTitles("u-port-sj")).hasSize(2);
        assertThat(rounds("u-tianbao-sj")).containsExactly(0);
    }

    @Test
    void anAlertAboutAUnitWithNobodyToTellEscalatesTheDelayAfterItWasRaised() {
        // given a unit with neither principal nor supervisors under 天保镇
        jdbi.useExtension(ReadModelDao.class, dao -> dao.upsertUnit(ReadModelRows.UnitRow.of(Fixtures.unit(
                "cp-tianbao-road", "天保公路卡点", io.ribao.schemas.roster.UnitKind.CHECKPOINT, "twn-tianbao", null,
                List.of()))));
        raise(AlertType.MISSING, "cp-tianbao-road", List.of());
        clock.advance(DIGEST_WINDOW);
        Dispatcher.Pass first = dispatcher.dispatchDue();

        // when the delay has passed since it was raised
        clock.advance(ESCALATION.minus(DIGEST_WINDOW));
        Dispatcher.Pass escalation = dispatcher.dispatchDue();

        // then the level above is told, as nobody was at first
        assertThat(first.queued() + first.escalated()).isZero();
        assertThat(escalation.escalated()).isEqualTo(2);
        assertThat(inboxTitles("u-tianbao-sj")).hasSize(1);
    }

    private List<Integer> rounds(String recipientId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT round FROM alert_notices WHERE recipient_id = ? ORDER BY round")
                .bind(0, recipientId).mapTo(Integer.class).list());
    }

    @Test
    void aResolvedAlertIsNeverSentOrRepeated() {
        AlertEvent alert = raise(AlertType.MISSING, "cp-tianbao-port", List.of());
        jdbi.useExtension(ReadModelDao.class, dao -> dao.resolveAlert(ReadModelRows.AlertRow.of(
                Fixtures.alert(AlertType.MISSING, "cp-tianbao-port", AlertState.RESOLVED,
                        clock.instant().plusSeconds(1), List.of()))));
        clock.advance(DIGEST_WINDOW);

        Dispatcher.Pass pass = dispatcher.dispatchDue();
        clock.advance(REPEAT.multipliedBy(2));
        Dispatcher.Pass later = dispatcher.dispatchDue();

        assertThat(pass.suppressed()).isPositive();
        assertThat(pass.queued() + later.queued() + later.escalated()).isZero();
        assertThat(inboxTitles("u-port-sj")).isEmpty();
        assertThat(alert.getAlertId()).isNotBlank();
    }

    @Test
    void aSuspendedUnitDeliversNothing() {
        Unit suspended = Unit.newBuilder(Fixtures.units().get(3)).setSuspended(true).build();
        jdbi.useExtension(ReadModelDao.class, dao -> dao.upsertUnit(ReadModelRows.UnitRow.of(suspended)));
        raise(AlertType.MISSING, "dep-health", List.of("u-office-1"));
        clock.advance(REPEAT.multipliedBy(2));

        Dispatcher.Pass pass = dispatcher.dispatchDue();

        assertThat(pass.queued()).isZero();
        assertThat(inboxTitles("u-health-sj")).isEmpty();
        assertThat(inboxTitles("u-office-1")).isEmpty();
    }

    @Test
    void aUnitSuspendedOnlyFromTheDayAfterStillHearsOfThatDaysAlerts() {
        Unit suspended = Unit.newBuilder(Fixtures.units().get(3)).setSuspended(true)
                .setSuspendedFrom(Fixtures.DAY.plusDays(1)).build();
        jdbi.useExtension(ReadModelDao.class, dao -> dao.upsertUnit(ReadModelRows.UnitRow.of(suspended)));
        raise(AlertType.MISSING, "dep-health", List.of("u-office-1"));
        clock.advance(DIGEST_WINDOW);

        dispatcher.dispatchDue();

        assertThat(inboxTitles("u-health-sj")).hasSize(1);
    }

    @Test
    void replayingAnAlertNeverTellsTheSameRecipientTwice() {
        raise(AlertType.CONCEALMENT_SUSPECTED, "twn-tianbao", List.of("u-tianbao-sj"));
        raise(AlertType.CONCEALMENT_SUSPECTED, "twn-tianbao", List.of("u-tianbao-sj"));
        clock.advance(DIGEST_WINDOW);

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(inboxTitles("u-tianbao-sj")).hasSize(1);
        assertThat(inboxTitles("u-office-1")).as("concealment also goes to the command office").hasSize(1);
    }

    @Test
    void aReleasedBulletinGoesToEveryRecipientAndUpstreamThroughTheOutboxOnce() throws Exception {
        BulletinContent content = new BulletinDrafter().draft(DemoCountyAccess.inputs()).withIssueNo(7);
        String sha256 = new JsonRenderer().sha256(content);
        var released = new io.ribao.bulletin.workflow.ReleasedBulletin("b-1", Fixtures.COUNTY, Fixtures.DAY, 1, 7,
                "示例县疫情防控工作专报", sha256, List.of("u-leader-1", "u-port-sj"),
                "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/upstream") + "\",\"format\":\"json\"}",
                content);
        BulletinOutbox outbox = new BulletinOutbox(clock);

        jdbi.useTransaction(h -> outbox.enqueue(h, released));
        jdbi.useTransaction(h -> outbox.enqueue(h, released));
        dispatcher.dispatchDue();

        assertThat(inboxTitles("u-leader-1")).containsExactly("示例县疫情防控工作专报 第7期");
        assertThat(inboxTitles("u-port-sj")).containsExactly("示例县疫情防控工作专报 第7期");
        assertThat(receiver.calls("/upstream")).hasSize(1);
        JsonNode upstream = JSON.readTree(receiver.calls("/upstream").get(0).body());
        assertThat(upstream.get("kind").asText()).isEqualTo("BULLETIN");
        assertThat(upstream.get("issueNo").asInt()).isEqualTo(7);
        assertThat(upstream.get("contentSha256").asText()).isEqualTo(sha256);
        assertThat(upstream.get("content").get("issueNo").asInt()).isEqualTo(7);
        assertThat(receiver.calls("/wecom")).hasSize(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aBulletinWhoseContentIsNotWhatWasApprovedIsNeverMailed() {
        // given a released bulletin whose carried content does not hash to the approved value
        BulletinContent content = new BulletinDrafter().draft(DemoCountyAccess.inputs()).withIssueNo(7);
        var released = new io.ribao.bulletin.workflow.ReleasedBulletin("b-2", Fixtures.COUNTY, Fixtures.DAY, 1, 7,
                "示例县疫情防控工作专报", "0".repeat(64), List.of("u-port-sj"), null, content);
        jdbi.useTransaction(h -> new BulletinOutbox(clock).enqueue(h, released));

        // when the outbox is dispatched
        Dispatcher.Pass pass = dispatcher.dispatchDue();

        // then nothing reaches the mailbox and the attempt says why
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(pass.retrying()).isEqualTo(1);
        String error = jdbi.withHandle(h -> h.createQuery(
                "SELECT last_error FROM outbox WHERE channel ->> 'type' = 'email'").mapTo(String.class).one());
        assertThat(error).contains("approved hash");
    }

    @Test
    void theAlertListsEveryoneDeliveryToldAsItsRecipients() {
        AlertEvent alert = raise(AlertType.MISSING, "cp-tianbao-port", List.of("u-office-1"));

        var listed = jdbi.onDemand(io.ribao.bulletin.db.AlertDao.class).byId(alert.getAlertId()).orElseThrow();

        assertThat(listed.recipients()).containsExactly("u-office-1", "u-dc-07", "u-port-sj");
    }
}
