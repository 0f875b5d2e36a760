package io.ribao.bulletin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.bulletin.BulletinConfiguration;
import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestClock;
import io.ribao.bulletin.TestKafka;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.report.MetricChange;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Keys;
import io.ribao.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The dashboard in headless Chromium against the real service, fed through Kafka and the projection. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardBrowserTest {

    private static final TestDatabase DB = TestDatabase.fresh();
    private static final String UNIT = "cp-live-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Topics TOPICS = TestKafka.topics();

    static {
        TestKafka.send(TOPICS.jurisdictions(), Fixtures.COUNTY, Fixtures.jurisdiction());
        Fixtures.units().forEach(u -> TestKafka.send(TOPICS.units(), u.getId(), u));
        Fixtures.users().forEach(u -> TestKafka.send(TOPICS.users(), u.getId(), u));
        TestKafka.send(TOPICS.units(), UNIT, Fixtures.unit(UNIT, "实时卡点", UnitKind.CHECKPOINT, "twn-tianbao",
                "u-port-sj", List.of("u-dc-07")));
        TestKafka.send(TOPICS.forms(), "checkpoint-daily", Fixtures.form("checkpoint-daily", "卡点日报",
                "persons_registered", "实名登记人数", "persons_isolated", "转运隔离人数"));
    }

    static final DropwizardAppExtension<BulletinConfiguration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(BulletinApplication.class, ResourceHelpers.resourceFilePath("service-test.yml"),
                    ConfigOverride.config("database.url", DB::jdbcUrl),
                    ConfigOverride.config("migrateOnStartup", "true"),
                    ConfigOverride.config("projectionEnabled", "true"),
                    ConfigOverride.config("kafka.consumerName", "browser-" + UNIT),
                    ConfigOverride.config("kafka.bootstrapServers", TestKafka::bootstrapServers),
                    ConfigOverride.config("schemaRegistryUrl", TestKafka.REGISTRY_URL)) {
                @Override
                public io.dropwizard.core.Application<BulletinConfiguration> newApplication() {
                    return new BulletinApplication(new TestClock(Fixtures.DEADLINE.plusSeconds(3600)));
                }
            });

    private static WebDriver browser;

    @BeforeAll
    static void chromium() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static UnitDayStatus status(UnitDayState state, int second) {
        return UnitDayStatus.newBuilder(Fixtures.status("twn-tianbao", state, Fixtures.DEADLINE.plusSeconds(second)))
                .setUnitId(UNIT).build();
    }

    private static String tileStatus() {
        List<WebElement> tiles = browser.findElements(By.cssSelector(".tile[data-unit-id='" + UNIT + "']"));
        return tiles.isEmpty() ? null : tiles.get(0).getAttribute("data-status");
    }

    /** A revision signed at 16:31 in Shanghai that lowered the persons isolated from 30 to 10. */
    private static ReportEvent loweringRevision() {
        return ReportEvent.newBuilder().setEventId("e-" + UNIT).setType(ReportEventType.SIGNED_OFF)
                .setReportId("r-" + UNIT).setJurisdictionId(Fixtures.COUNTY).setUnitId(UNIT).setDate(Fixtures.DAY)
                .setRevision(2).setZeroReport(false).setMetrics(Map.of("persons_isolated", 10L))
                .setSubmittedBy("u-port-clerk").setSubmittedAt(Fixtures.DEADLINE.plusSeconds(30))
                .setSignedBy("u-port-sj").setSignedAt(Fixtures.DEADLINE.plusSeconds(60)).setSigner(Signer.PRINCIPAL)
                .setLowered(List.of(new MetricChange("persons_isolated", 30L, 10L))).build();
    }

    private static void messageInTheOfficesInbox() {
        DB.jdbi().useHandle(h -> h.createScript("""
                INSERT INTO outbox (id, message_key, kind, recipient_id, channel, title, body, payload, state,
                                    next_attempt_at, created_at, sent_at)
                VALUES (7001, 'digest|u-office-1|browser', 'ALERT_DIGEST', 'u-office-1', '{"type":"inapp"}',
                        '预警汇总', 'b', '{}', 'SENT', now(), now(), now());
                INSERT INTO inbox (outbox_id, recipient_id, title, body, created_at)
                VALUES (7001, 'u-office-1', '预警汇总', 'b', '2026-03-02T08:32:00Z');
                """).execute());
    }

    @Test
    void timesShowInTheJurisdictionsWallClockAndLoweredMetricsByTheirRosterNames() {
        // given, in Asia/Shanghai, a LATE alert raised at 16:31, a revision signed at 16:31 that lowered a metric,
        // and a message that reached the office's inbox at 16:32
        var alert = Fixtures.alert(AlertType.LATE, UNIT, AlertState.RAISED, Fixtures.DEADLINE.plusSeconds(60),
                List.of("u-port-sj"));
        TestKafka.send(TOPICS.alerts(), alert.getAlertId(), alert);
        TestKafka.send(TOPICS.reports(), UNIT, loweringRevision());
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM alerts WHERE alert_id = ?",
                alert.getAlertId()) == 1 && count("SELECT count(*) FROM report_revisions WHERE unit_id = ?", UNIT) == 1
                && count("SELECT count(*) FROM form_metrics WHERE form_id = ?", "checkpoint-daily") == 2);
        messageInTheOfficesInbox();

        // when the office opens the day and the unit's history
        browser.get("http://localhost:" + APP.getLocalPort() + "/?date=" + Fixtures.DAY);
        browser.findElement(By.id("token")).sendKeys(Fixtures.tokenOf("u-office-1"));
        browser.findElement(By.id("login-button")).click();
        By alertRow = By.cssSelector("tr[data-alert-id='" + alert.getAlertId() + "']");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(alertRow).isEmpty()
                && browser.findElement(By.id("inbox")).getText().contains("预警汇总"));
        browser.findElement(By.cssSelector(".tile[data-unit-id='" + UNIT + "']")).click();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                browser.findElement(By.id("history-revisions")).getText().contains("调低"));

        // then every time is the wall-clock time in Shanghai, and the metric has its Chinese name
        assertThat(browser.findElement(alertRow).getText()).contains("2026-03-02 16:31").doesNotContain("08:31");
        assertThat(browser.findElement(By.id("inbox")).getText()).contains("2026-03-02 16:32 预警汇总");
        String revisions = browser.findElement(By.id("history-revisions")).getText();
        assertThat(revisions).contains("u-port-clerk 2026-03-02 16:30").contains("u-port-sj 2026-03-02 16:31")
                .contains("调低：转运隔离人数 30→10").doesNotContain("persons_isolated").doesNotContain("08:3");
    }

    private static long count(String sql, String arg) {
        return DB.jdbi().withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(Long.class).one());
    }

    @Test
    void theBoardUpdatesWithoutReloadAndAnAlertIsAcknowledgedFromIt() {
        TestKafka.send(TOPICS.unitDayStatus(), Keys.ofDay(UNIT, Fixtures.DAY), status(UnitDayState.MISSING, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM unit_day_status WHERE unit_id = ?").bind(0, UNIT).mapTo(Long.class).one()) == 1);

        browser.get("http://localhost:" + APP.getLocalPort() + "/?date=" + Fixtures.DAY);
        browser.findElement(By.id("token")).sendKeys(Fixtures.tokenOf("u-office-1"));
        browser.findElement(By.id("login-button")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> "MISSING".equals(tileStatus()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "true".equals(browser.findElement(By.id("live")).getAttribute("data-live")));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        TestKafka.send(TOPICS.unitDayStatus(), Keys.ofDay(UNIT, Fixtures.DAY), status(UnitDayState.LATE, 60));
        var alert = Fixtures.alert(AlertType.LATE, UNIT, AlertState.RAISED, Fixtures.DEADLINE.plusSeconds(60),
                List.of("u-port-sj"));
        TestKafka.send(TOPICS.alerts(), alert.getAlertId(), alert);

        await().atMost(Duration.ofSeconds(20)).until(() -> "LATE".equals(tileStatus()));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector(".tile[data-unit-id='" + UNIT + "'] .state")).getText())
                .isEqualTo("迟报");

        By ackButton = By.cssSelector("tr[data-alert-id='" + alert.getAlertId() + "'] button.ack");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(ackButton).isEmpty());
        browser.findElement(ackButton).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(ackButton).isEmpty()
                && browser.findElement(By.cssSelector("tr[data-alert-id='" + alert.getAlertId() + "']")).getText()
                .contains("已确认"));
        String ackedBy = DB.jdbi().withHandle(h -> h.createQuery("SELECT acknowledged_by FROM alerts WHERE alert_id = ?")
                .bind(0, alert.getAlertId()).mapTo(String.class).one());
        assertThat(ackedBy).isEqualTo("u-office-1");

        browser.findElement(By.cssSelector(".tile[data-unit-id='" + UNIT + "']")).click();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                browser.findElement(By.id("history-name")).getText().equals("实时卡点"));
        assertThat(browser.findElement(By.id("history-days")).getText()).contains(Fixtures.DAY.toString())
                .contains("迟报");
    }

    @Test
    void anAlertAboutTheUsersOwnUnitAwaitsItsOverseersAcknowledgement() {
        // given an alert about the township and one about a checkpoint under it
        var ownUnit = Fixtures.alert(AlertType.UNSIGNED, "twn-tianbao", AlertState.RAISED,
                Fixtures.DEADLINE.plusSeconds(120), List.of("u-county-sj"));
        var below = Fixtures.alert(AlertType.UNSIGNED, UNIT, AlertState.RAISED, Fixtures.DEADLINE.plusSeconds(120),
                List.of("u-tianbao-sj"));
        TestKafka.send(TOPICS.alerts(), ownUnit.getAlertId(), ownUnit);
        TestKafka.send(TOPICS.alerts(), below.getAlertId(), below);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM alerts WHERE alert_id = ?",
                ownUnit.getAlertId()) + count("SELECT count(*) FROM alerts WHERE alert_id = ?", below.getAlertId()) == 2);

        // when the township's principal opens the day
        browser.get("http://localhost:" + APP.getLocalPort() + "/?date=" + Fixtures.DAY);
        browser.findElement(By.id("token")).sendKeys(Fixtures.tokenOf("u-tianbao-sj"));
        browser.findElement(By.id("login-button")).click();
        By ownRow = By.cssSelector("tr[data-alert-id='" + ownUnit.getAlertId() + "']");
        By belowRow = By.cssSelector("tr[data-alert-id='" + below.getAlertId() + "']");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(ownRow).isEmpty()
                && !browser.findElements(belowRow).isEmpty());

        // then the township's own alert waits for those above it (decision 430); the checkpoint's is theirs to ack
        assertThat(browser.findElement(ownRow).getText()).contains("待上级确认");
        assertThat(browser.findElement(ownRow).findElements(By.cssSelector("button.ack"))).isEmpty();
        assertThat(browser.findElement(belowRow).findElements(By.cssSelector("button.ack"))).hasSize(1);
    }
}
