package io.ribao.bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private final HtmlRenderer renderer = new HtmlRenderer(Labels.chinese());

    @Test
    void aScriptInTheNarrativeIsEscapedNotExecuted() {
        // given an office narrative with markup in it
        BulletinContent content = DemoCounty.content("加强值守<script>alert('x')</script>&amp;");

        // when
        String html = renderer.render(content);

        // then
        assertThat(html).doesNotContain("<script>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;");
    }

    @Test
    void unitNamesFromTheRosterAreEscapedToo() {
        BulletinContent content = DemoCounty.content("");
        BulletinContent hostile = new BulletinContent(content.jurisdictionId(), "<b>县</b>", "\"office\"",
                content.date(), 1, null, content.overview(), content.keyFigures(), content.unitTables(),
                content.findings(), content.notices(), "", content.reportTo(), content.sendTo());

        String html = renderer.render(hostile);

        assertThat(html).doesNotContain("<b>").contains("&lt;b&gt;县&lt;/b&gt;").contains("&quot;office&quot;");
    }

    @Test
    void thePageIsWellFormedXhtmlWithTitleSectionsAndRecipients() throws Exception {
        String html = renderer.render(DemoCounty.content("一是加强卡点值守。\n二是压实主要领导责任。"));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        var document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(html).contains("示例县疫情防控工作专报", "（待审核稿）", "县疫情防控指挥部办公室", "2026年3月14日",
                "一、总体情况", "二、主要数据", "三、各单位报送情况", "（一）分乡镇情况", "四、督查发现问题及整改",
                "五、通报", "六、下步工作", "<p>一是加强卡点值守。</p>", "<p>二是压实主要领导责任。</p>",
                "报：县委书记、县长", "送：州疫情防控指挥部", "漏报单位：", "田蓬镇、商务局", "+65");
    }

    @Test
    void anApprovedBulletinShowsItsIssueNumberAndACorrectionItsVersion() {
        BulletinContent approved = DemoCounty.content("").withIssueNo(12);

        assertThat(renderer.render(approved)).contains("第12期").doesNotContain("待审核稿");
        assertThat(renderer.render(approved.withVersion(2).withIssueNo(13))).contains("第13期（更正第2版）");
    }
}
