package io.ribao.bench.bulletin;

import io.ribao.bench.BenchArgs;
import io.ribao.bench.Samples;
import io.ribao.bench.fixture.BenchRoster;
import io.ribao.bulletin.document.BulletinContent;
import io.ribao.bulletin.document.BulletinDrafter;
import io.ribao.bulletin.document.DraftInputs;
import io.ribao.bulletin.document.HtmlRenderer;
import io.ribao.bulletin.document.Labels;
import io.ribao.bulletin.document.PdfRenderer;
import io.ribao.ingest.roster.Roster;
import io.ribao.ingest.roster.RosterLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * DESIGN.md §12 "bulletin": drafting a closed day and rendering it, warm (after {@code --warmup} untimed rounds).
 * The demo county: draft + HTML + PDF (bar ≤ 1 s). A generated roster of {@code --units} units: the draft alone
 * (bar ≤ 5 s), and its HTML for information (its PDF would be thousands of pages; nobody prints that).
 *
 * <p>Options: {@code --roster=infra/local/demo-roster.yaml --units=100000 --rounds=5 --warmup=3}.
 */
public final class BulletinDrafting {

    private BulletinDrafting() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        Path rosterFile = Path.of(options.text("roster", "infra/local/demo-roster.yaml"));
        int units = options.integer("units", 100_000);
        int rounds = options.integer("rounds", 5);
        int warmup = options.integer("warmup", 3);
        LocalDate date = LocalDate.of(2026, 3, 14);

        BulletinDrafter drafter = new BulletinDrafter();
        HtmlRenderer html = new HtmlRenderer(Labels.chinese());
        PdfRenderer pdf = new PdfRenderer(html);

        Roster demo = new RosterLoader().load(Files.readString(rosterFile, StandardCharsets.UTF_8));
        DraftInputs county = DayFixture.of(demo.jurisdiction(), demo.forms(), demo.units(), date);
        Samples countyTotal = new Samples("demo county (" + demo.units().size() + " units) draft+HTML+PDF", "ms");
        Samples countyPdf = new Samples("demo county PDF alone", "ms");
        long pdfBytes = 0;
        for (int i = 0; i < warmup + rounds; i++) {
            long start = System.nanoTime();
            BulletinContent content = drafter.draft(county);
            String page = html.render(content);
            long pdfStart = System.nanoTime();
            byte[] document = pdf.renderHtml(page);
            long end = System.nanoTime();
            pdfBytes = document.length;
            if (i >= warmup) {
                countyTotal.add((end - start) / 1e6);
                countyPdf.add((end - pdfStart) / 1e6);
            }
        }
        System.out.println(countyTotal.summary() + "; PDF " + pdfBytes + " bytes");
        System.out.println(countyPdf.summary());

        BenchRoster large = BenchRoster.generate(units, BenchRoster.Deadlines.lateInTheDay(), date.minusDays(30));
        DraftInputs big = DayFixture.of(large.jurisdiction(), List.of(large.form()), large.units(), date);
        Samples bigDraft = new Samples(units + "-unit roster draft", "ms");
        Samples bigHtml = new Samples(units + "-unit roster HTML", "ms");
        int bigRounds = Math.max(1, rounds / 2);
        int bigWarmup = Math.max(1, warmup / 2);
        long htmlChars = 0;
        for (int i = 0; i < bigWarmup + bigRounds; i++) {
            long start = System.nanoTime();
            BulletinContent content = drafter.draft(big);
            long drafted = System.nanoTime();
            String page = html.render(content);
            long end = System.nanoTime();
            htmlChars = page.length();
            if (i >= bigWarmup) {
                bigDraft.add((drafted - start) / 1e6);
                bigHtml.add((end - drafted) / 1e6);
            }
        }
        System.out.println(bigDraft.summary());
        System.out.println(bigHtml.summary() + "; " + htmlChars + " chars");
        System.out.printf(Locale.ROOT, "RESULT bulletin: county draft+HTML+PDF %.0f ms (bar <= 1000); %d-unit draft "
                + "%.0f ms (bar <= 5000)%n", countyTotal.median(), units, bigDraft.median());
    }
}
