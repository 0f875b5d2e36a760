package io.ribao.bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures a warm draft + HTML + PDF of the demo county, and a 100,000-unit draft, and appends the figures to
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

        record(String.format("demo county (55 units) warm draft+HTML+PDF: %.1f ms each over %d runs%n",
                millisEach, runs));
        assertThat(bytes).isGreaterThan(runs * 1000);
    }

    @Test
    void aDraftOfAHundredThousandUnitRosterIsMeasured() throws IOException {
        DraftInputs base = DemoCounty.inputs("");
        List<DraftInputs.UnitEntry> units = new ArrayList<>();
        List<DraftInputs.UnitDay> statuses = new ArrayList<>();
        String[] kinds = {"VILLAGE", "CHECKPOINT", "PATROL", "DEPARTMENT"};
        String[] states = {"ON_TIME", "ON_TIME", "ON_TIME", "LATE", "MISSING", "PENDING_SIGNOFF"};
        for (int i = 0; i < 100_000; i++) {
            String id = "u-" + i;
            units.add(new DraftInputs.UnitEntry(id, "单位" + i, kinds[i % kinds.length], "root"));
            String state = states[i % states.length];
            statuses.add(new DraftInputs.UnitDay(id, state, false, Map.of("persons_registered", (long) i),
                    state.equals("ON_TIME") || state.equals("LATE") ? "PRINCIPAL" : null, null,
                    state.equals("PENDING_SIGNOFF"), false));
        }
        DraftInputs large = new DraftInputs(base.issuer(), base.date(), 1, units, statuses, Map.of(), Map.of(),
                base.metricNames(), List.of(), List.of(), "");
        BulletinDrafter drafter = new BulletinDrafter();
        drafter.draft(large);

        long started = System.nanoTime();
        BulletinContent content = drafter.draft(large);
        double millis = (System.nanoTime() - started) / 1e6;

        record(String.format("100,000-unit roster warm draft (content only): %.1f ms%n", millis));
        assertThat(content.overview().expected()).isEqualTo(100_000);
    }

    private static void record(String line) throws IOException {
        Path report = Path.of("target", "bulletin-render-timing.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
