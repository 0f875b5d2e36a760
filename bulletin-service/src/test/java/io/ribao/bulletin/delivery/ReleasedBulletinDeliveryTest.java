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
import io.ribao.bulletin.workflow.Actor;
import io.ribao.bulletin.workflow.Bulletin;
import io.ribao.bulletin.workflow.BulletinPublisher;
import io.ribao.bulletin.workflow.BulletinService;
import io.ribao.bulletin.workflow.MetricNames;
import io.ribao.schemas.roster.Channel;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.status.UnitDayState;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulletin released through the real workflow, outbox and dispatcher reaches its email and chat recipients whole:
 * the approved content as the mail's HTML body with the PDF attached, and 一、总体情况's figures in the robots'
 * markdown (decision 426).
 */
class ReleasedBulletinDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor OFFICE = new Actor("u-office-1", "OFFICE", Fixtures.COUNTY, "10.0.0.1");
    private static final Actor DIRECTOR = new Actor("u-director", "DIRECTOR", Fixtures.COUNTY, "10.0.0.2");
    private static final String TITLE = "示例县疫情防控工作专报";

    private final Receiver receiver = new Receiver();
    private TestClock clock;
    private Jdbi jdbi;
    private Dispatcher dispatcher;
    private BulletinService bulletins;

    /** The county's day: of the three units expected to report, one reported on time, one late and one not at all. */
    @BeforeEach
    void county() {
        clock = new TestClock(Fixtures.DEADLINE.plus(Duration.ofHours(2)));
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useExtension(ReadModelDao.class, dao -> {
            Fixtures.units().forEach(u -> dao.upsertUnit(ReadModelRows.UnitRow.of(u)));
            Fixtures.users().forEach(u -> dao.upsertUser(ReadModelRows.UserRow.of(u)));
            dao.upsertStatus(ReadModelRows.StatusRow.of(
                    Fixtures.status("twn-tianbao", UnitDayState.ON_TIME, Fixtures.DEADLINE)));
            dao.upsertStatus(ReadModelRows.StatusRow.of(
                    Fixtures.status("cp-tianbao-port", UnitDayState.MISSING, Fixtures.DEADLINE)));
            dao.upsertStatus(ReadModelRows.StatusRow.of(
                    Fixtures.status("dep-health", UnitDayState.LATE, Fixtures.DEADLINE)));
        });
        dispatcher = new Dispatcher(jdbi, clock, new Channels(Map.of(
                "inapp", new InAppChannel(clock),
                "webhook", new WebhookChannel(Duration.ofSeconds(5)),
                "email", new EmailChannel("127.0.0.1", ServerSetupTest.SMTP.getPort(), "ribao@example.org",
                        5000))),
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10)), 3, Duration.ofMinutes(30),
                Duration.ofHours(1), Duration.ofSeconds(1));
        bulletins = new BulletinService(jdbi, clock, new BulletinOutbox(clock), BulletinPublisher.NONE,
                MetricNames.known());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aLeaderAndTheUpstreamOfficeReceiveTheBulletinByEmailAsHtmlWithItsPdfAttached() throws Exception {
        // given the leader and the upstream office take the bulletin by email
        recipients(List.of(email("leader@example.org")), email("office@prefecture.example"));

        // when the bulletin is approved as 第1期, released and the outbox is dispatched
        release();
        dispatcher.dispatchDue();

        // then each address has one mail: the approved bulletin as HTML, its PDF attached
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("leader@example.org", "office@prefecture.example");
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject()).contains(TITLE, "第1期");
            Parts parts = Parts.of(mail);
            assertThat(parts.html()).contains(TITLE, "第1期", "一、总体情况", "当日应报单位3个", "迟报1个",
                    "漏报1个");
            assertThat(parts.attachments()).singleElement().satisfies(pdf -> {
                assertThat(pdf.fileName()).isEqualTo(TITLE + "第1期.pdf");
                assertThat(pdf.contentType()).startsWith("application/pdf");
                assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                assertThat(pdf.bytes().length).isBetween(10_000, 5_000_000);
                try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
                    String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
                    assertThat(text).contains(TITLE, "第1期", "当日应报单位3个", "按时报送1个", "迟报1个", "漏报1个");
                }
            });
        }
    }

    @Test
    void chatRobotsCarryTheTitleTheIssueNumberAndTheOverviewFigures() throws Exception {
        // given the leader takes the bulletin in WeCom, DingTalk and Feishu
        recipients(List.of(webhook("/wecom", "wecom"), webhook("/dingtalk", "dingtalk"),
                webhook("/feishu", "feishu")), null);

        // when it is released and dispatched
        release();
        dispatcher.dispatchDue();

        // then every robot's markdown names the bulletin and its issue and gives expected, on time, late, missing
        // and unsigned, not a pointer to data it does not show
        String wecom = JSON.readTree(receiver.calls("/wecom").get(0).body()).get("markdown").get("content").asText();
        JsonNode ding = JSON.readTree(receiver.calls("/dingtalk").get(0).body()).get("markdown");
        JsonNode feishu = JSON.readTree(receiver.calls("/feishu").get(0).body()).get("card");
        String feishuTitle = feishu.get("header").get("title").get("content").asText();
        String feishuMarkdown = feishu.get("elements").get(0).get("content").asText();
        for (String named : List.of(wecom, ding.get("text").asText(), ding.get("title").asText(), feishuTitle)) {
            assertThat(named).contains(TITLE + " 第1期");
        }
        for (String markdown : List.of(wecom, ding.get("text").asText(), feishuMarkdown)) {
            assertThat(markdown).contains("一、总体情况", "应报单位：3 个", "按时报送：1 个", "迟报：1 个", "漏报：1 个",
                    "未经主要领导审签：0 个", "报送率 66.7%").doesNotContain("附带数据");
        }
    }

    private void recipients(List<Channel> leaderChannels, Channel upstream) {
        jdbi.useExtension(ReadModelDao.class, dao -> {
            var jurisdiction = io.ribao.schemas.roster.Jurisdiction.newBuilder(Fixtures.jurisdiction())
                    .setUpstream(upstream).build();
            dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(jurisdiction));
            dao.upsertUser(ReadModelRows.UserRow.of(Fixtures.user("u-leader-1", "县领导", Role.LEADER, null,
                    leaderChannels)));
        });
    }

    private Bulletin release() {
        Bulletin draft = bulletins.draftNow(Fixtures.COUNTY, Fixtures.DAY, OFFICE);
        bulletins.approve(draft.id(), DIRECTOR);
        return bulletins.release(draft.id(), DIRECTOR);
    }

    private static Channel email(String to) {
        return Channel.newBuilder().setType("email").setTo(to).build();
    }

    private Channel webhook(String path, String format) {
        return Channel.newBuilder().setType("webhook").setUrl(receiver.url(path)).setFormat(format).build();
    }

    /** A received mail taken apart: its HTML body and its attachments. */
    private record Parts(String html, List<Attachment> attachments) {

        record Attachment(String fileName, String contentType, byte[] bytes) {
        }

        static Parts of(Part mail) throws Exception {
            List<String> html = new ArrayList<>();
            List<Attachment> attachments = new ArrayList<>();
            walk(mail, html, attachments);
            return new Parts(String.join("\n", html), attachments);
        }

        private static void walk(Part part, List<String> html, List<Attachment> attachments) throws Exception {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), html, attachments);
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(new Attachment(part.getFileName(), part.getContentType(), bytes(part)));
            } else if (part.isMimeType("text/html")) {
                html.add(part.getContent().toString());
            }
        }

        private static byte[] bytes(Part part) throws Exception {
            try (var in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }
}
