package io.ribao.bulletin.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * Renders the bulletin as a Word document laid out after GB/T 9704: A4, margins top 37 mm, bottom 35 mm, left
 * 28 mm, right 26 mm; title 2号 (22 pt) 小标宋 in red; body 3号 (16 pt) 仿宋 at a fixed line pitch; headings 黑体 /
 * 楷体; page numbers "— N —" centred in the footer. Font names come from the label bundle.
 */
public final class DocxRenderer {

    private static final double TWIPS_PER_MM = 1440 / 25.4;
    private static final int A4_WIDTH_TWIPS = 11906;
    private static final int A4_HEIGHT_TWIPS = 16838;
    private static final double TITLE_PT = 22;
    private static final double BODY_PT = 16;
    private static final double TABLE_PT = 10.5;
    private static final double RECIPIENTS_PT = 14;
    /** 22 lines on a 225 mm type area: a fixed pitch of about 28.95 pt. */
    private static final double LINE_PITCH_PT = 28.95;
    private static final String RED = "C00000";
    private static final String FONT_TABLE_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    private static final String FONT_TABLE_RELATION =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";

    private final Labels labels;
    private final String titleFont;
    private final String bodyFont;
    private final String headingFont;
    private final String subheadingFont;
    private final String latinFont;

    public DocxRenderer(Labels labels) {
        this.labels = labels;
        this.titleFont = labels.text("docx.font.title");
        this.bodyFont = labels.text("docx.font.body");
        this.headingFont = labels.text("docx.font.heading");
        this.subheadingFont = labels.text("docx.font.subheading");
        this.latinFont = labels.text("docx.font.latin");
    }

    public byte[] render(BulletinContent c) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(doc);
            footer(doc);

            XWPFParagraph title = centred(doc);
            run(title, labels.title(c), titleFont, TITLE_PT).setColor(RED);
            run(centred(doc), labels.issueLine(c), bodyFont, BODY_PT);
            XWPFParagraph issuer = doc.createParagraph();
            issuer.setBorderBottom(Borders.SINGLE);
            run(issuer, c.office(), bodyFont, BODY_PT);
            run(issuer, "\t" + labels.date(c.date()), bodyFont, BODY_PT);
            CTTabStop tab = issuer.getCTP().getPPr().addNewTabs().addNewTab();
            tab.setPos(BigInteger.valueOf(textWidthTwips()));
            tab.setVal(STTabJc.RIGHT);

            heading(doc, "section.overview");
            body(doc, labels.overviewText(c.overview()));

            heading(doc, "section.keyFigures");
            keyFigures(doc, c.keyFigures());

            heading(doc, "section.units");
            for (int i = 0; i < c.unitTables().size(); i++) {
                unitTable(doc, i, c.unitTables().get(i));
            }

            heading(doc, "section.findings");
            findings(doc, c.findings());

            heading(doc, "section.notices");
            notices(doc, c.notices());

            heading(doc, "section.nextSteps");
            narrative(doc, c.narrative());

            recipients(doc, "recipients.reportTo", c.reportTo());
            recipients(doc, "recipients.sendTo", c.sendTo());

            fontTable(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("cannot add the font table to the DOCX", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the bulletin to DOCX", e);
        }
    }

    /**
     * The font table names a fallback (altName) for each CJK font, since the official fonts are often not installed:
     * Word then uses 宋体 / 仿宋 / 黑体 / 楷体 instead of an arbitrary substitute. Charset 86 is GB2312.
     */
    private void fontTable(XWPFDocument doc) throws InvalidFormatException, IOException {
        PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
        if (doc.getPackage().containPart(name)) {
            return;
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (String role : List.of("title", "body", "heading", "subheading")) {
            xml.append("<w:font w:name=\"").append(HtmlRenderer.esc(labels.text("docx.font." + role)))
                    .append("\"><w:altName w:val=\"").append(HtmlRenderer.esc(labels.text("docx.font." + role + ".fallback")))
                    .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>");
        }
        xml.append("</w:fonts>");
        PackagePart part = doc.getPackage().createPart(name, FONT_TABLE_TYPE);
        try (OutputStream out = part.getOutputStream()) {
            out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, FONT_TABLE_RELATION);
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH_TWIPS));
        size.setH(BigInteger.valueOf(A4_HEIGHT_TWIPS));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(37)));
        margins.setBottom(BigInteger.valueOf(mm(35)));
        margins.setLeft(BigInteger.valueOf(mm(28)));
        margins.setRight(BigInteger.valueOf(mm(26)));
        margins.setHeader(BigInteger.valueOf(mm(15)));
        margins.setFooter(BigInteger.valueOf(mm(28)));
    }

    static long mm(double millimetres) {
        return Math.round(millimetres * TWIPS_PER_MM);
    }

    private static long textWidthTwips() {
        return A4_WIDTH_TWIPS - mm(28) - mm(26);
    }

    /** "— N —" with N a PAGE field, so Word numbers every page itself. */
    private void footer(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        String[] around = labels.text("page.number").split("\\{0}", -1);
        run(p, around[0], latinFont, RECIPIENTS_PT);
        run(p, "", latinFont, RECIPIENTS_PT).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(p, "", latinFont, RECIPIENTS_PT).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(p, "", latinFont, RECIPIENTS_PT).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", latinFont, RECIPIENTS_PT);
        run(p, "", latinFont, RECIPIENTS_PT).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, around.length > 1 ? around[1] : "", latinFont, RECIPIENTS_PT);
    }

    private void heading(XWPFDocument doc, String key) {
        XWPFParagraph p = doc.createParagraph();
        pitch(p);
        p.setIndentationFirstLine((int) (2 * BODY_PT * 20));
        run(p, labels.text(key), headingFont, BODY_PT);
    }

    private void subheading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        pitch(p);
        p.setIndentationFirstLine((int) (2 * BODY_PT * 20));
        run(p, text, subheadingFont, BODY_PT);
    }

    private void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        pitch(p);
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine((int) (2 * BODY_PT * 20));
        run(p, text, bodyFont, BODY_PT);
    }

    private void keyFigures(XWPFDocument doc, List<KeyFigure> figures) {
        if (figures.isEmpty()) {
            body(doc, labels.text("keyFigures.none"));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(labels.text("keyFigures.metric"), labels.text("keyFigures.today"),
                labels.text("keyFigures.yesterday"), labels.text("keyFigures.change")));
        for (KeyFigure f : figures) {
            rows.add(List.of(f.name(), String.valueOf(f.today()),
                    f.yesterday() == null ? labels.text("keyFigures.unknown") : String.valueOf(f.yesterday()),
                    labels.change(f.change())));
        }
        table(doc, rows);
    }

    private void unitTable(XWPFDocument doc, int index, UnitTable t) {
        subheading(doc, labels.subsection(index, t.kind()));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(labels.text("column.unit"), labels.text("column.status"),
                labels.text("column.signer")));
        t.columns().forEach(col -> header.add(col.name()));
        rows.add(header);
        for (UnitRow r : t.rows()) {
            List<String> row = new ArrayList<>();
            row.add(r.name());
            String status = labels.status(r.status());
            row.add(r.zeroReport() ? status + " " + labels.text("zero.mark") : status);
            row.add(labels.signer(r.signer()));
            for (UnitTable.Column col : t.columns()) {
                Long value = r.metrics().get(col.code());
                row.add(value == null ? "" : String.valueOf(value));
            }
            rows.add(row);
        }
        table(doc, rows);
    }

    private void findings(XWPFDocument doc, List<FindingLine> findings) {
        if (findings.isEmpty()) {
            body(doc, labels.text("findings.none"));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(labels.text("findings.unit"), labels.text("findings.problem"), labels.text("findings.due"),
                labels.text("findings.status"), labels.text("findings.rectification")));
        for (FindingLine f : findings) {
            rows.add(List.of(f.unitName(), nullToEmpty(f.problem()),
                    f.dueDate() == null ? "" : labels.date(f.dueDate()), labels.findingStatus(f.status()),
                    nullToEmpty(f.rectification())));
        }
        table(doc, rows);
    }

    private void notices(XWPFDocument doc, Notices n) {
        if (n.isEmpty()) {
            body(doc, labels.text("notices.none"));
            return;
        }
        noticeLine(doc, "notices.late", n.late());
        noticeLine(doc, "notices.missing", n.missing());
        noticeLine(doc, "notices.unsigned", n.unsigned());
        noticeLine(doc, "notices.delegateSigned", n.delegateSigned());
        noticeLine(doc, "notices.concealmentSuspected", n.concealmentSuspected());
        noticeLine(doc, "notices.previousDayAfterCutoff", n.previousDayAfterCutoff());
    }

    private void noticeLine(XWPFDocument doc, String key, List<NamedUnit> units) {
        if (units.isEmpty()) {
            return;
        }
        String names = units.stream()
                .map(u -> u.detail() == null || u.detail().isBlank() ? u.name()
                        : labels.format("notices.detail", u.name(), u.detail()))
                .collect(Collectors.joining(labels.text("notices.separator")));
        XWPFParagraph p = doc.createParagraph();
        pitch(p);
        p.setIndentationFirstLine((int) (2 * BODY_PT * 20));
        run(p, labels.text(key), bodyFont, BODY_PT).setBold(true);
        run(p, names, bodyFont, BODY_PT);
    }

    private void narrative(XWPFDocument doc, String text) {
        if (text == null || text.isBlank()) {
            body(doc, labels.text("nextSteps.none"));
            return;
        }
        for (String paragraph : text.split("\\R")) {
            if (!paragraph.isBlank()) {
                body(doc, paragraph.strip());
            }
        }
    }

    private void recipients(XWPFDocument doc, String key, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        XWPFParagraph p = doc.createParagraph();
        p.setBorderTop(Borders.SINGLE);
        p.setBorderBottom(Borders.SINGLE);
        run(p, labels.text(key) + String.join(labels.text("notices.separator"), names), bodyFont, RECIPIENTS_PT);
    }

    private void table(XWPFDocument doc, List<List<String>> rows) {
        int columns = rows.get(0).size();
        XWPFTable table = doc.createTable(rows.size(), columns);
        table.setWidth("100%");
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            for (int col = 0; col < columns; col++) {
                XWPFTableCell cell = row.getCell(col);
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(col == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                XWPFRun run = run(p, rows.get(r).get(col), bodyFont, TABLE_PT);
                run.setBold(r == 0);
            }
        }
        // An empty paragraph after a table keeps two tables in a row from merging into one in Word.
        doc.createParagraph();
    }

    private static XWPFParagraph centred(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    private static void pitch(XWPFParagraph p) {
        p.setSpacingBetween(LINE_PITCH_PT, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
    }

    private XWPFRun run(XWPFParagraph p, String text, String eastAsiaFont, double points) {
        XWPFRun run = p.createRun();
        if (text != null && !text.isEmpty()) {
            run.setText(text);
        }
        run.setFontSize(points);
        CTRPr props = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = props.sizeOfRFontsArray() > 0 ? props.getRFontsArray(0) : props.addNewRFonts();
        fonts.setEastAsia(eastAsiaFont);
        fonts.setAscii(latinFont);
        fonts.setHAnsi(latinFont);
        fonts.setHint(STHint.EAST_ASIA);
        return run;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
