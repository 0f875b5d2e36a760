package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the office types into a bulletin is text, never markup: a {@code <script>} narrative shows as those
 * characters in the HTML page, the PDF and the DOCX (DESIGN.md §7, §9).
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulletinEscapingTest {

    static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>&amp; \"quoted\"";

    private final RunningStack stack;
    private final Api api;
    private String bulletinId;

    BulletinEscapingTest(RunningStack stack) {
        this.stack = stack;
        this.api = stack.api();
    }

    @BeforeAll
    void theOfficeWritesMarkupIntoTheNarrative() {
        bulletinId = stack.draftBulletin();
        Api.Reply edited = api.putJson(stack.bulletin("/api/v1/bulletins/" + bulletinId + "/narrative"),
                stack.token("u-office"), "{\"text\":" + Api.quote(HOSTILE) + "}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    }

    @Test
    void theHtmlPageShowsTheScriptAsTextAndForbidsScripts() {
        Api.Reply html = api.get(stack.bulletin("/api/v1/bulletins/" + bulletinId + "/html"), stack.token("u-office"));

        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).doesNotContain("<script").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(").contains("&lt;img src=x onerror=alert(1)&gt;").contains("&amp;amp;");
    }

    @Test
    void theJsonCarriesTheNarrativeVerbatimForClientsToEscape() {
        Api.Reply json = api.get(stack.bulletin("/api/v1/bulletins/" + bulletinId), stack.token("u-office"));

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().toString()).contains("<script>alert('x')</script>");
    }

    @Test
    void thePdfShowsTheScriptAsText() throws IOException {
        Api.Reply pdf = api.get(stack.bulletin("/api/v1/bulletins/" + bulletinId + "/pdf"), stack.token("u-office"));

        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("<script>alert('x')</script>").contains("&amp;");
        }
    }

    @Test
    void theDocxShowsTheScriptAsText() throws IOException {
        Api.Reply docx = api.get(stack.bulletin("/api/v1/bulletins/" + bulletinId + "/docx"), stack.token("u-office"));

        assertThat(docx.status()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains(HOSTILE);
        }
    }
}
