package io.ribao.bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Measures a warm draft + HTML + PDF of the demo county and writes the figure to
 * {@code target/bulletin-render-timing.txt}. Speed is reported, not asserted (benchmarks own the bar).
 */
class BulletinRenderingMeasurementTest {

    @Test
    void aWarmDraftWithHtmlAndPdfOfTheDemoCountyIsMeasured() throws IOException {
        BulletinDrafter drafter = new BulletinDrafter();
        HtmlRenderer html = new HtmlRenderer(Labels.chinese());
        PdfRenderer pdf = new PdfRenderer(html);
        DraftInputs inputs = DemoCounty.inputs("一是加强卡点值守。");
        for (int i = 0; i < 5; i++) {
            pdf.render(drafter.draft(inputs));
        }

        int runs = 10;
        long started = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            bytes += pdf.renderHtml(html.render(drafter.draft(inputs))).length;
        }
        double millisEach = (System.nanoTime() - started) / 1e6 / runs;

        Path report = Path.of("target", "bulletin-render-timing.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.format("demo county (55 units) warm draft+HTML+PDF: %.1f ms each over %d runs%n",
                millisEach, runs), StandardCharsets.UTF_8);
        assertThat(bytes).isGreaterThan(runs * 1000);
    }
}
