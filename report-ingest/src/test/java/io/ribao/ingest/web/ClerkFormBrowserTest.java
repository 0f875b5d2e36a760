package io.ribao.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.IngestConfiguration;
import io.ribao.ingest.IngestTestApp;
import io.ribao.ingest.MutableClock;
import io.ribao.ingest.TopicReader;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The clerk web form in headless Chromium against the running service and a real broker. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClerkFormBrowserTest {

    private static final String HOSTILE_UNIT_ID = "<img src=x onerror=\"window.injected = true\">";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String REGISTRY = "mem://clerk-form-browser-test";
    private static final MutableClock CLOCK = MutableClock.atShanghai("2026-03-14T10:00:00");
    private static final EmbeddedKafkaCluster KAFKA = IngestTestApp.startKafka("ingest-web-kafka", 1);

    static final DropwizardAppExtension<IngestConfiguration> APP = new DropwizardAppExtension<>(
            IngestTestApp.support(IngestTestApp.configuration(KAFKA.bootstrapServers(), REGISTRY), CLOCK));

    private WebDriver browser;
    private WebDriverWait wait;

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    @BeforeEach
    void openBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: no Chromium at /usr/bin/chromium (with /usr/bin/chromedriver) on this machine");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--lang=zh-CN");
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String userId) {
        browser.get("http://localhost:" + APP.getLocalPort() + "/");
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys(DemoRoster.token(userId));
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sign-in-panel")));
    }

    private void fill(String code, long value) {
        type(code, String.valueOf(value));
    }

    private void type(String code, String text) {
        WebElement input = browser.findElement(By.id("metric-" + code));
        input.clear();
        input.sendKeys(text);
    }

    private static List<ReportEvent> eventsOf(String unitId) {
        return TopicReader.readAll(KAFKA.bootstrapServers(), new Topics(SchemaRegistries.forUrl(REGISTRY)).reports())
                .stream().filter(e -> e.getUnitId().equals(unitId)).toList();
    }

    @Test
    void clerkFillsAndSubmitsThePrincipalSignsOffAndAZeroReportTakesOneClick() {
        signIn("u-tianbao-clerk");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-nucleic_samples")));
        assertThat(browser.findElement(By.id("form-name")).getText()).isEqualTo("乡镇日报");
        Map.of("key_persons_screened", 12L, "risk_area_arrivals", 3L, "centralized_isolation", 2L,
                "home_isolation", 5L, "nucleic_samples", 100L, "nucleic_tested", 150L, "vaccine_doses", 640L)
                .forEach(this::fill);
        browser.findElement(By.id("submit")).click();

        WebElement checkError = browser.findElement(By.id("error-metrics.nucleic_tested"));
        wait.until(ExpectedConditions.textToBePresentInElement(checkError, "校验不通过"));
        // the refusal as a whole is told in Chinese too, not only the field's message
        assertThat(browser.findElement(By.id("message")).getText()).contains("请求内容有误").doesNotContain("invalid");
        assertThat(eventsOf("twn-tianbao")).isEmpty();

        fill("nucleic_tested", 90);
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "待审核"));
        assertThat(browser.findElement(By.id("error-metrics.nucleic_tested")).getText()).isEmpty();

        browser.findElement(By.id("sign-out")).click();
        signIn("u-tianbao-sj");
        WebElement signOff = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.sign-off")));
        signOff.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "已审核签发"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.sign-off")));
        assertThat(eventsOf("twn-tianbao")).extracting(ReportEvent::getType)
                .containsExactly(ReportEventType.SUBMITTED, ReportEventType.SIGNED_OFF);

        browser.findElement(By.id("sign-out")).click();
        signIn("u-chk-mali-highway-zz");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("zero-report"))).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "已签发"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#history tbody"), "零报告"));
        assertThat(eventsOf("chk-mali-highway")).singleElement().satisfies(e -> {
            assertThat(e.getZeroReport()).isTrue();
            assertThat(e.getType()).isEqualTo(ReportEventType.SIGNED_OFF);
        });
    }

    @Test
    void aReportWhoseAnswerWasLostIsSentAgainUnderItsKeyAndTheHistoryShowsTheNewestDayFirst() {
        signIn("u-donggan-clerk");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-nucleic_samples")));
        Map.of("key_persons_screened", 4L, "risk_area_arrivals", 1L, "centralized_isolation", 0L,
                "home_isolation", 2L, "nucleic_samples", 50L, "nucleic_tested", 50L, "vaccine_doses", 30L)
                .forEach(this::fill);
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("document.getElementById('day').value = '2026-03-13';");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "2026-03-13"));

        // the next answer is lost on its way back: the report reaches the service, the page sees the network fail
        page.executeScript("document.getElementById('day').value = '2026-03-14';"
                + "var real = window.fetch; window.fetch = function () { window.fetch = real;"
                + " return real.apply(this, arguments).then(function () { throw new TypeError('Failed to fetch'); }); };");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "未收到答复"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submit"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "2026-03-14"));

        assertThat(eventsOf("twn-donggan")).extracting(e -> e.getDate().toString())
                .containsExactly("2026-03-13", "2026-03-14");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#history tbody tr:first-child td:first-child"), "2026-03-14"));
    }

    @Test
    void aFigureTheBrowserCannotReadIsMarkedNextToItAndNothingIsSent() {
        signIn("u-chk-tianbao-port-clerk");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-persons_registered")));
        Map.of("temperature_checks", 1300L, "health_code_scans", 1250L, "persons_turned_back", 3L,
                "persons_isolated", 1L, "abnormal_found", 0L).forEach(this::fill);
        // text the browser cannot read as a number: Firefox keeps "1,200" pasted from a spreadsheet so; Chromium drops
        // the comma, but not an unfinished exponent
        browser.findElement(By.id("metric-persons_registered")).sendKeys("12e");

        browser.findElement(By.id("submit")).click();

        WebElement error = browser.findElement(By.id("error-metrics.persons_registered"));
        wait.until(ExpectedConditions.textToBePresentInElement(error, "请填写整数"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("本次未提交");
        assertThat(eventsOf("chk-tianbao-port")).isEmpty();

        fill("persons_registered", 1200);
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "待审核"));
        assertThat(error.getText()).isEmpty();
        assertThat(eventsOf("chk-tianbao-port")).singleElement()
                .satisfies(e -> assertThat(e.getMetrics()).containsEntry("persons_registered", 1200L));
    }

    @Test
    void aFigureBeyondTheMetricsLimitsIsMarkedOutOfRangeNotAsNoIntegerAndNothingIsSent() {
        signIn("u-pat-tianbao-1-clerk");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-patrols_run")));
        Map.of("patrol_staff", 40L, "crossings_stopped", 0L, "foreigners_returned", 1L).forEach(this::fill);
        // a number the browser reads, but beyond 巡逻次数's 0–500 (and beyond what the service holds as a long)
        type("patrols_run", "1e20");

        browser.findElement(By.id("submit")).click();

        WebElement error = browser.findElement(By.id("error-metrics.patrols_run"));
        wait.until(ExpectedConditions.textToBePresentInElement(error, "超出范围(0–500)"));
        assertThat(error.getText()).doesNotContain("整数");
        assertThat(browser.findElement(By.id("message")).getText()).contains("本次未提交");
        assertThat(eventsOf("pat-tianbao-1")).isEmpty();

        // a figure within the limits that is no whole number is still told to be one
        type("patrols_run", "1.5");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(error, "请填写整数"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("本次未提交");
        assertThat(eventsOf("pat-tianbao-1")).isEmpty();

        fill("patrols_run", 12);
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "待审核"));
        assertThat(error.getText()).isEmpty();
        assertThat(eventsOf("pat-tianbao-1")).singleElement()
                .satisfies(e -> assertThat(e.getMetrics()).containsEntry("patrols_run", 12L));
    }

    @Test
    void switchingTheLanguageKeepsTheFiguresTyped() {
        signIn("u-tianbao-clerk");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-nucleic_samples")));
        fill("nucleic_samples", 100);
        fill("vaccine_doses", 640);

        browser.findElement(By.id("lang")).click();
        browser.findElement(By.id("lang")).click();

        assertThat(browser.findElement(By.id("metric-nucleic_samples")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("metric-vaccine_doses")).getAttribute("value")).isEqualTo("640");
        assertThat(browser.findElement(By.id("metric-home_isolation")).getAttribute("value")).isEmpty();
    }

    @Test
    void supervisionTeamReportsFindingsAndSeesAnErrorNextToTheBadOne() {
        signIn("u-sup-tianbao-zz");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-inspections")));
        fill("inspections", 6);
        fill("problems_found", 1);
        fill("problems_rectified", 0);
        browser.findElement(By.id("add-finding")).click();
        // the unknown unit id is echoed in the error next to the field: it must show as text, never run
        browser.findElement(By.id("finding-0-unitId")).sendKeys(HOSTILE_UNIT_ID);
        browser.findElement(By.id("finding-0-problem")).sendKeys("测温登记不全<script>alert(1)</script>");
        browser.findElement(By.id("submit")).click();

        WebElement unitError = browser.findElement(By.id("error-findings[0].unitId"));
        wait.until(ExpectedConditions.textToBePresentInElement(unitError, "<img src=x"));
        assertThat(unitError.findElements(By.cssSelector("*"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === true;")).isEqualTo(false);

        WebElement unit = browser.findElement(By.id("finding-0-unitId"));
        unit.clear();
        unit.sendKeys("chk-tianbao-port");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "已签发"));
        assertThat(eventsOf("sup-tianbao")).singleElement().satisfies(e -> {
            assertThat(e.getFindings()).singleElement().satisfies(f -> {
                assertThat(f.getUnitId()).isEqualTo("chk-tianbao-port");
                assertThat(f.getProblem()).isEqualTo("测温登记不全<script>alert(1)</script>");
            });
        });
    }
}
