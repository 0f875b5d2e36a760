package io.ribao.bulletin.document;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the bulletin as a self-contained XHTML page in the look of a Chinese official document (red masthead,
 * issue number, issuing office and date, numbered sections, 报/送 at the foot). XHTML rather than loose HTML
 * because the PDF renderer parses it as XML. Every text that came from a user or the roster is escaped.
 */
public final class HtmlRenderer {

    private static final String STYLESHEET =
            new String(Resources.bytes("/bulletin/bulletin.css"), StandardCharsets.UTF_8);

    private final Labels labels;

    public HtmlRenderer(Labels labels) {
        this.labels = labels;
    }

    public String render(BulletinContent c) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(esc(labels.title(c))).append("</title>\n")
                .append("<style>\n").append(STYLESHEET).append("</style>\n</head>\n<body>\n");
        h.append("<div class=\"masthead\">").append(esc(labels.title(c))).append("</div>\n");
        h.append("<div class=\"issue\">").append(esc(labels.issueLine(c))).append("</div>\n");
        h.append("<table class=\"issuer\" style=\"border:0\"><tr><td class=\"office\" style=\"border:0\">")
                .append(esc(c.office())).append("</td><td class=\"date\" style=\"border:0\">")
                .append(esc(labels.date(c.date()))).append("</td></tr></table>\n");
        h.append("<hr class=\"rule\"/>\n");

        section(h, "section.overview");
        h.append("<p>").append(esc(labels.overviewText(c.overview()))).append("</p>\n");

        section(h, "section.keyFigures");
        keyFigures(h, c.keyFigures());

        section(h, "section.units");
        for (int i = 0; i < c.unitTables().size(); i++) {
            unitTable(h, i, c.unitTables().get(i));
        }

        section(h, "section.findings");
        findings(h, c.findings());

        section(h, "section.notices");
        notices(h, c.notices());

        section(h, "section.nextSteps");
        narrative(h, c.narrative());

        h.append("<div class=\"recipients\">\n");
        recipients(h, "recipients.reportTo", c.reportTo());
        recipients(h, "recipients.sendTo", c.sendTo());
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private void section(StringBuilder h, String key) {
        h.append("<h2>").append(esc(labels.text(key))).append("</h2>\n");
    }

    private void keyFigures(StringBuilder h, List<KeyFigure> figures) {
        if (figures.isEmpty()) {
            h.append("<p>").append(esc(labels.text("keyFigures.none"))).append("</p>\n");
            return;
        }
        h.append("<table class=\"figures\"><thead><tr>");
        for (String key : List.of("keyFigures.metric", "keyFigures.today", "keyFigures.yesterday",
                "keyFigures.change")) {
            th(h, labels.text(key));
        }
        h.append("</tr></thead><tbody>\n");
        for (KeyFigure f : figures) {
            h.append("<tr><td class=\"name\">").append(esc(f.name())).append("</td>");
            num(h, String.valueOf(f.today()));
            num(h, f.yesterday() == null ? labels.text("keyFigures.unknown") : String.valueOf(f.yesterday()));
            num(h, labels.change(f.change()));
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private void unitTable(StringBuilder h, int index, UnitTable t) {
        h.append("<h3>").append(esc(labels.subsection(index, t.kind()))).append("</h3>\n");
        h.append("<table class=\"units\"><thead><tr>");
        th(h, labels.text("column.unit"));
        th(h, labels.text("column.status"));
        th(h, labels.text("column.signer"));
        t.columns().forEach(col -> th(h, col.name()));
        h.append("</tr></thead><tbody>\n");
        for (UnitRow r : t.rows()) {
            h.append("MISSING".equals(r.status()) ? "<tr class=\"missing\">" : "<tr>");
            h.append("<td class=\"name\">").append(esc(r.name())).append("</td>");
            String status = labels.status(r.status());
            if (r.zeroReport()) {
                status = status + " " + labels.text("zero.mark");
            }
            h.append("<td>").append(esc(status)).append("</td>");
            h.append("<td>").append(esc(labels.signer(r.signer()))).append("</td>");
            for (UnitTable.Column col : t.columns()) {
                Long value = r.metrics().get(col.code());
                num(h, value == null ? "" : String.valueOf(value));
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private void findings(StringBuilder h, List<FindingLine> findings) {
        if (findings.isEmpty()) {
            h.append("<p>").append(esc(labels.text("findings.none"))).append("</p>\n");
            return;
        }
        h.append("<table class=\"findings\"><thead><tr>");
        for (String key : List.of("findings.unit", "findings.problem", "findings.due", "findings.status",
                "findings.rectification")) {
            th(h, labels.text(key));
        }
        h.append("</tr></thead><tbody>\n");
        for (FindingLine f : findings) {
            h.append("<tr><td class=\"name\">").append(esc(f.unitName())).append("</td>")
                    .append("<td class=\"name\">").append(esc(f.problem())).append("</td>")
                    .append("<td>").append(f.dueDate() == null ? "" : esc(labels.date(f.dueDate()))).append("</td>")
                    .append("<td>").append(esc(labels.findingStatus(f.status()))).append("</td>")
                    .append("<td class=\"name\">").append(esc(f.rectification())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private void notices(StringBuilder h, Notices n) {
        if (n.isEmpty()) {
            h.append("<p>").append(esc(labels.text("notices.none"))).append("</p>\n");
            return;
        }
        h.append("<div class=\"notices\">\n");
        noticeLine(h, "notices.late", n.late());
        noticeLine(h, "notices.missing", n.missing());
        noticeLine(h, "notices.unsigned", n.unsigned());
        noticeLine(h, "notices.delegateSigned", n.delegateSigned());
        noticeLine(h, "notices.concealmentSuspected", n.concealmentSuspected());
        noticeLine(h, "notices.previousDayAfterCutoff", n.previousDayAfterCutoff());
        h.append("</div>\n");
    }

    private void noticeLine(StringBuilder h, String key, List<NamedUnit> units) {
        if (units.isEmpty()) {
            return;
        }
        String names = units.stream()
                .map(u -> u.detail() == null || u.detail().isBlank() ? u.name()
                        : labels.format("notices.detail", u.name(), u.detail()))
                .collect(Collectors.joining(labels.text("notices.separator")));
        h.append("<p><span class=\"label\">").append(esc(labels.text(key))).append("</span>")
                .append(esc(names)).append("</p>\n");
    }

    private void narrative(StringBuilder h, String text) {
        if (text == null || text.isBlank()) {
            h.append("<p>").append(esc(labels.text("nextSteps.none"))).append("</p>\n");
            return;
        }
        for (String paragraph : text.split("\\R")) {
            if (!paragraph.isBlank()) {
                h.append("<p>").append(esc(paragraph.strip())).append("</p>\n");
            }
        }
    }

    private void recipients(StringBuilder h, String key, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        h.append("<p>").append(esc(labels.text(key)))
                .append(esc(String.join(labels.text("notices.separator"), names))).append("</p>\n");
    }

    private static void th(StringBuilder h, String text) {
        h.append("<th>").append(esc(text)).append("</th>");
    }

    private static void num(StringBuilder h, String text) {
        h.append("<td class=\"num\">").append(esc(text)).append("</td>");
    }

    /** Escapes text for XHTML content and attributes; drops control characters an XML parser would reject. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
