package io.ribao.bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

class DocxRendererTest {

    private final DocxRenderer renderer = new DocxRenderer(Labels.chinese());

    @Test
    void theDemoCountyBulletinDocxHoldsTheTitleTotalsAndMissingUnits() throws IOException {
        byte[] docx = renderer.render(DemoCounty.content("一是加强卡点值守。"));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains("示例县疫情防控工作专报", "当日应报单位55个", "漏报2个",
                    DemoCounty.MISSING_TOWNSHIP, DemoCounty.MISSING_DEPARTMENT, "3055", "一是加强卡点值守。",
                    "报：县委书记、县长");
        }
    }

    @Test
    void theLayoutFollowsGbT9704WithFallbacksForTheOfficialFonts() throws Exception {
        byte[] docx = renderer.render(DemoCounty.content(""));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            CTSectPr sect = document.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).hasToString("11906");
            assertThat(sect.getPgSz().getH()).hasToString("16838");
            CTPageMar margins = sect.getPgMar();
            assertThat(margins.getTop()).hasToString(String.valueOf(DocxRenderer.mm(37)));
            assertThat(margins.getBottom()).hasToString(String.valueOf(DocxRenderer.mm(35)));
            assertThat(margins.getLeft()).hasToString(String.valueOf(DocxRenderer.mm(28)));
            assertThat(margins.getRight()).hasToString(String.valueOf(DocxRenderer.mm(26)));

            var titleRun = document.getParagraphs().get(0).getRuns().get(0);
            assertThat(titleRun.getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(titleRun.getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("方正小标宋简体");
            var bodyRun = document.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("当日应报单位")).findFirst().orElseThrow().getRuns().get(0);
            assertThat(bodyRun.getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(bodyRun.getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("仿宋_GB2312");

            String footerXml = document.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText();
            assertThat(footerXml).contains("PAGE").contains("—");

            var fontTable = document.getPackage().getPart(PackagingURIHelper.createPartName("/word/fontTable.xml"));
            String fonts = new String(fontTable.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(fonts).contains("w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>")
                    .contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>");
        }
    }
}
