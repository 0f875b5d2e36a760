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
import io.ribao.topics.Topics;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalDate;
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

/**
 * Bulletin review in headless Chromium against the real service: the office drafts and edits, the director approves
 * and releases, and the page shows each state, the issue number and the PDF preview.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BulletinReviewBrowserTest {

    private static final TestDatabase DB = TestDatabase.fresh();
    private static final Topics TOPICS = TestKafka.topics();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NARRATIVE = "<script>window.injected = true;</script>"
            + "<img src=x onerror=\"window.injected = true\">加强口岸卡点夜间值守。";

    static {
        TestKafka.send(TOPICS.jurisdictions(), Fixtures.COUNTY, Fixtures.jurisdiction());
        Fixtures.units().forEach(u -> TestKafka.send(TOPICS.units(), u.getId(), u));
        Fixtures.users().forEach(u -> TestKafka.send(TOPICS.users(), u.getId(), u));
    }

    static final DropwizardAppExtension<BulletinConfiguration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(BulletinApplication.class, ResourceHelpers.resourceFilePath("service-test.yml"),
                    ConfigOverride.config("database.url", DB::jdbcUrl),
                    ConfigOverride.config("migrateOnStartup", "true"),
                    ConfigOverride.config("projectionEnabled", "true"),
                    ConfigOverride.config("kafka.consumerName",
                            "bulletin-review-" + UUID.randomUUID().toString().substring(0, 8)),
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

    @Test
    void theOfficeDraftsAndEditsAndTheDirectorApprovesAndReleasesWithAPdfPreview() {
        // given the roster has reached the read model
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM jurisdictions WHERE jurisdiction_id = ?",
                Fixtures.COUNTY) == 1 && count("SELECT count(*) FROM users WHERE user_id = ?", "u-director") == 1);

        // when the office drafts the day's bulletin from the page
        browser.get("http://localhost:" + APP.getLocalPort() + "/?date=" + Fixtures.DAY);
        watchPolicyViolations();
        logIn("u-office-1");
        await().atMost(PATIENCE).until(() -> text("bulletins").equals("暂无"));
        browser.findElement(By.id("draft")).click();

        // then it is listed and opened for review as a draft, with its PDF
        await().atMost(PATIENCE).until(() -> "DRAFT".equals(reviewState()) && pdfPreviewUrl().startsWith("blob:"));
        assertThat(bulletinItem().getAttribute("data-state")).isEqualTo("DRAFT");
        assertThat(bulletinItem().getText()).contains("草稿").doesNotContain("期");
        assertThat(text("review-state")).isEqualTo("草稿");
        await().atMost(PATIENCE).until(() -> pdfShownInPreview(pdfPreviewUrl()));
        String draftPdf = pdfPreviewUrl();

        // a refusal reaches the page in Chinese, whatever languages the browser itself prefers
        String id = bulletinItem().getAttribute("data-bulletin-id");
        Object refused = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "api('/api/v1/bulletins/' + arguments[0] + '/release', {method: 'POST'})"
                + ".then(() => done('released'), (e) => done(e.status + ' ' + e.message));", id);
        assertThat(refused).isEqualTo("409 专报 " + id + " 尚未经指挥长审核同意，不能发布");

        // when the office writes the narrative (markup in it) and saves
        WebElement narrative = browser.findElement(By.id("narrative"));
        narrative.clear();
        narrative.sendKeys(NARRATIVE);
        browser.findElement(By.id("review-save")).click();
        await().atMost(PATIENCE).until(() -> NARRATIVE.equals(DB.jdbi().withHandle(h -> h.createQuery(
                "SELECT narrative FROM bulletins WHERE day = CAST(? AS date)").bind(0, Fixtures.DAY.toString())
                .mapTo(String.class).one())));

        // then, read back after a reload, it is plain text and nothing in it ran
        assertThat(js("return window.violations;")).asList().isEmpty();
        browser.navigate().refresh();
        watchPolicyViolations();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#bulletins li button.view"))
                .isEmpty());
        bulletinItem().findElement(By.cssSelector("button.view")).click();
        await().atMost(PATIENCE).until(() -> NARRATIVE.equals(
                browser.findElement(By.id("narrative")).getAttribute("value")));
        assertThat(js("return window.injected === undefined;")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#review script, #review img, #bulletins script"))).isEmpty();

        // when the director logs in and approves
        WebElement listedForOffice = bulletinItem();
        logIn("u-director");
        await().atMost(PATIENCE).until(() -> isStale(listedForOffice));
        bulletinItem().findElement(By.cssSelector("button.approve")).click();

        // then it is approved with its issue number, and the preview shows the approved PDF
        await().atMost(PATIENCE).until(() -> "APPROVED".equals(reviewState())
                && "APPROVED".equals(bulletinItem().getAttribute("data-state")));
        assertThat(bulletinItem().getText()).contains("第1期").contains("已审核");
        assertThat(text("review-issue")).isEqualTo("第1期");
        await().atMost(PATIENCE).until(() -> !pdfPreviewUrl().equals(draftPdf));
        assertThat(pdfPreviewUrl()).startsWith("blob:");
        await().atMost(PATIENCE).until(() -> pdfShownInPreview(pdfPreviewUrl()));
        assertThat(browser.findElement(By.id("narrative")).getAttribute("readonly")).isNotNull();

        // when the director releases it
        bulletinItem().findElement(By.cssSelector("button.release")).click();

        // then the page shows it released, still 第1期, with nothing left to approve or release
        await().atMost(PATIENCE).until(() -> "RELEASED".equals(reviewState())
                && "RELEASED".equals(bulletinItem().getAttribute("data-state")));
        assertThat(bulletinItem().getText()).contains("第1期").contains("已发布");
        assertThat(text("review-state")).isEqualTo("已发布");
        assertThat(bulletinItem().findElements(By.cssSelector("button.approve, button.release, button.save")))
                .isEmpty();
        assertThat(text("message")).isEmpty();
        assertThat(js("return window.violations;")).asList().isEmpty();
        Map<String, Object> row = DB.jdbi().withHandle(h -> h.createQuery(
                "SELECT state, issue_no, approved_by, released_by FROM bulletins WHERE day = CAST(? AS date)")
                .bind(0, Fixtures.DAY.toString()).mapToMap().one());
        assertThat(row).containsEntry("state", "RELEASED").containsEntry("issue_no", 1)
                .containsEntry("approved_by", "u-director").containsEntry("released_by", "u-director");
    }

    @Test
    void theNarrativeIsSavedOnlyForTheBulletinWhoseTextIsBeingEdited() {
        // given the drafts of two days, the second with the office's narrative
        awaitRoster();
        LocalDate first = Fixtures.DAY.plusDays(1);
        LocalDate second = Fixtures.DAY.plusDays(2);
        String firstId = draftFor(first);
        String secondId = draftFor(second);
        putNarrative(secondId, "做好第二天的值守。");
        String firstNarrative = narrativeOf(first);

        // when the office types into the first day's draft and then turns to the second day, unsaved
        browser.get("http://localhost:" + APP.getLocalPort() + "/?date=" + first);
        logIn("u-office-1");
        await().atMost(PATIENCE).until(() -> !items(firstId).isEmpty());
        items(firstId).get(0).findElement(By.cssSelector("button.view")).click();
        await().atMost(PATIENCE).until(() -> firstId.equals(browser.findElement(By.id("review"))
                .getAttribute("data-bulletin-id")) && !visibleSaveButtons().isEmpty());
        WebElement narrative = browser.findElement(By.id("narrative"));
        narrative.clear();
        narrative.sendKeys("第一天的文字，尚未保存。");
        js("const d = document.getElementById('date'); d.value = arguments[0];"
                + "d.dispatchEvent(new Event('change'));", second.toString());
        await().atMost(PATIENCE).until(() -> !items(secondId).isEmpty());

        // then nothing can be saved until the second day's draft is opened: its text is not on the page yet
        assertThat(visibleSaveButtons()).isEmpty();

        // when it opens the second day's draft, edits it and saves
        items(secondId).get(0).findElement(By.cssSelector("button.view")).click();
        await().atMost(PATIENCE).until(() -> "做好第二天的值守。".equals(
                browser.findElement(By.id("narrative")).getAttribute("value")));
        narrative = browser.findElement(By.id("narrative"));
        narrative.clear();
        narrative.sendKeys("做好第二天的值守，加强夜间巡查。");
        assertThat(visibleSaveButtons()).singleElement()
                .satisfies(b -> assertThat(b.getAttribute("id")).isEqualTo("review-save"));
        browser.findElement(By.id("review-save")).click();

        // then the second day's draft has the text edited for it, and the first day's is untouched
        await().atMost(PATIENCE).until(() -> "做好第二天的值守，加强夜间巡查。".equals(narrativeOf(second)));
        assertThat(narrativeOf(first)).isEqualTo(firstNarrative);
        assertThat(text("message")).isEmpty();
    }

    @Test
    void eachRoleIsOfferedOnlyTheActionsItsRoleMayTake() {
        // given a draft
        awaitRoster();
        LocalDate day = Fixtures.DAY.plusDays(3);
        String id = draftFor(day);

        // when the office opens it, it may draft, edit and save, but not approve
        browser.get("http://localhost:" + APP.getLocalPort() + "/?date=" + day);
        logIn("u-office-1");
        await().atMost(PATIENCE).until(() -> !items(id).isEmpty());
        WebElement forOffice = items(id).get(0);
        assertThat(browser.findElement(By.id("draft")).isDisplayed()).isTrue();
        assertThat(forOffice.findElements(By.cssSelector("button.approve"))).isEmpty();
        forOffice.findElement(By.cssSelector("button.view")).click();
        await().atMost(PATIENCE).until(() -> "DRAFT".equals(reviewState()));
        assertThat(visibleSaveButtons()).hasSize(1);
        assertThat(browser.findElement(By.id("narrative")).getAttribute("readonly")).isNull();

        // when the director opens it, it may approve, but neither draft nor edit
        logIn("u-director");
        await().atMost(PATIENCE).until(() -> isStale(forOffice) && !items(id).isEmpty()
                && !items(id).get(0).findElements(By.cssSelector("button.approve")).isEmpty());
        assertThat(browser.findElement(By.id("draft")).isDisplayed()).isFalse();
        assertThat(visibleSaveButtons()).isEmpty();
        items(id).get(0).findElement(By.cssSelector("button.view")).click();
        await().atMost(PATIENCE).until(() -> "DRAFT".equals(reviewState()));
        assertThat(visibleSaveButtons()).isEmpty();
        assertThat(browser.findElement(By.id("narrative")).getAttribute("readonly")).isNotNull();
        assertThat(text("message")).isEmpty();
    }

    private static void awaitRoster() {
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM jurisdictions WHERE jurisdiction_id = ?",
                Fixtures.COUNTY) == 1 && count("SELECT count(*) FROM users WHERE user_id = ?", "u-director") == 1);
    }

    /** The office drafts the day's bulletin through the API; its id. */
    private static String draftFor(LocalDate day) {
        Map<String, Object> drafted = asOffice("/api/v1/days/" + day + "/bulletin")
                .post(Entity.json(""), new GenericType<Map<String, Object>>() { });
        return (String) drafted.get("id");
    }

    private static void putNarrative(String id, String narrative) {
        try (Response saved = asOffice("/api/v1/bulletins/" + id + "/narrative")
                .put(Entity.json(Map.of("text", narrative)))) {
            assertThat(saved.getStatus()).isEqualTo(200);
        }
    }

    private static Invocation.Builder asOffice(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path).request()
                .header("Authorization", "Bearer " + Fixtures.tokenOf("u-office-1"));
    }

    private static String narrativeOf(LocalDate day) {
        return DB.jdbi().withHandle(h -> h.createQuery("SELECT narrative FROM bulletins WHERE day = CAST(? AS date)")
                .bind(0, day.toString()).mapTo(String.class).one());
    }

    private static List<WebElement> items(String bulletinId) {
        return browser.findElements(By.cssSelector("#bulletins li[data-bulletin-id='" + bulletinId + "']"));
    }

    /** Every save control the page shows, in the list or in the review pane. */
    private static List<WebElement> visibleSaveButtons() {
        return browser.findElements(By.cssSelector("button.save")).stream().filter(WebElement::isDisplayed)
                .toList();
    }

    /** Logs in and waits until the page shows what this user may see and do. */
    private static void logIn(String userId) {
        WebElement token = browser.findElement(By.id("token"));
        token.clear();
        token.sendKeys(Fixtures.tokenOf(userId));
        browser.findElement(By.id("login-button")).click();
        await().atMost(PATIENCE).until(() ->
                userId.equals(browser.findElement(By.id("whoami")).getAttribute("data-user-id")));
    }

    private static WebElement bulletinItem() {
        List<WebElement> items = browser.findElements(By.cssSelector("#bulletins li[data-bulletin-id]"));
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String reviewState() {
        WebElement review = browser.findElement(By.id("review"));
        return review.isDisplayed() ? review.getAttribute("data-state") : null;
    }

    private static String pdfPreviewUrl() {
        String src = browser.findElement(By.id("pdf-preview")).getAttribute("src");
        return src == null ? "" : src;
    }

    /** Whether the preview frame holds the PDF document at that blob URL (not an error page, not blocked). */
    private static boolean pdfShownInPreview(String blobUrl) {
        return Boolean.TRUE.equals(js("""
                const d = document.getElementById('pdf-preview').contentDocument;
                return d !== null && d.URL === arguments[0] && d.contentType === 'application/pdf';""", blobUrl));
    }

    /** Records the page's Content-Security-Policy refusals, to show the preview needed none. */
    private static void watchPolicyViolations() {
        js("""
                window.violations = [];
                document.addEventListener('securitypolicyviolation',
                  (e) => window.violations.push(e.effectiveDirective + ' ' + e.blockedURI));""");
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static long count(String sql, String arg) {
        return DB.jdbi().withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(Long.class).one());
    }
}
