package io.ribao.bulletin.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * Renders the bulletin's XHTML to PDF with openhtmltopdf (PDFBox), embedding a subset of the bundled TrueType CJK
 * font (DroidSansFallbackFull, Apache-2.0, licence beside it). A TrueType font because PDFBox cannot embed the
 * CFF-flavoured OpenType of the Noto CJK family. The font file (4 MB) is read once per JVM and kept in memory, shared
 * by every renderer (the workflow's and the email channel's).
 */
public final class PdfRenderer {

    /** The family name the stylesheet falls back to. */
    public static final String FONT_FAMILY = "DroidSansFallback";

    private static final String FONT_PATH = "/fonts/DroidSansFallbackFull.ttf";
    private static final byte[] FONT = Resources.bytes(FONT_PATH);

    static {
        // openhtmltopdf logs several INFO lines per document through java.util.logging; only problems matter.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final HtmlRenderer html;

    public PdfRenderer(HtmlRenderer html) {
        this.html = html;
    }

    public byte[] render(BulletinContent content) {
        return renderHtml(html.render(content));
    }

    public byte[] renderHtml(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(FONT), FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the bulletin to PDF", e);
        }
        return out.toByteArray();
    }
}
