package io.ribao.bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private static final PdfRenderer RENDERER = new PdfRenderer(new HtmlRenderer(Labels.chinese()));

    @Test
    void theDemoCountyBulletinPdfHoldsTheChineseTitleTotalsAndMissingUnits() throws IOException {
        // given the demo county's day
        BulletinContent content = DemoCounty.content("一是加强卡点值守。");

        // when
        byte[] pdf = RENDERER.render(content);

        // then the text read back from the PDF is the bulletin's
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // line breaks fall wherever the layout wraps, so compare without whitespace
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("示例县疫情防控工作专报");
            assertThat(text).contains("当日应报单位55个", "按时报送51个", "迟报1个", "漏报2个");
            assertThat(text).contains(DemoCounty.MISSING_TOWNSHIP, DemoCounty.MISSING_DEPARTMENT);
            assertThat(text).contains("3055", "一是加强卡点值守。");
        }
    }

    @Test
    void theCjkFontIsEmbeddedInThePdf() throws IOException {
        byte[] pdf = RENDERER.render(DemoCounty.content(""));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean embedded = false;
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                if (font.getName().contains(PdfRenderer.FONT_FAMILY) || font.getName().contains("Droid")) {
                    embedded |= font.isEmbedded();
                }
            }
            assertThat(embedded).isTrue();
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
    }
}
