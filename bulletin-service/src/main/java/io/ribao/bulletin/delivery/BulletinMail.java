package io.ribao.bulletin.delivery;

import io.ribao.bulletin.db.JsonColumns;
import io.ribao.bulletin.document.BulletinContent;
import io.ribao.bulletin.document.HtmlRenderer;
import io.ribao.bulletin.document.JsonRenderer;
import io.ribao.bulletin.document.Labels;
import io.ribao.bulletin.document.PdfRenderer;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The email of a released bulletin: the bulletin itself as the HTML body (the message's text as the plain
 * alternative) and its PDF attached as {@code <title>第N期.pdf}. Both are rendered when the mail is sent from the
 * frozen content the outbox row carries, after checking it against the hash the director approved, so the outbox
 * keeps no document bytes and a retry sends the same document (decision 426).
 */
final class BulletinMail {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final JsonRenderer json = new JsonRenderer();
    private final Labels labels = Labels.chinese();
    private final HtmlRenderer html = new HtmlRenderer(labels);
    private final PdfRenderer pdf = new PdfRenderer(html);

    static boolean isBulletin(Message message) {
        return BulletinComposer.KIND.equals(message.kind());
    }

    MimeMultipart body(Message message) throws DeliveryFailure, MessagingException {
        BulletinContent content = approvedContent(message.payload());
        String page = html.render(content);

        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), UTF_8);
        MimeBodyPart web = new MimeBodyPart();
        web.setText(page, UTF_8, "html");
        MimeBodyPart readable = new MimeBodyPart();
        readable.setContent(new MimeMultipart("alternative", text, web));

        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf.renderHtml(page), "application/pdf")));
        attachment.setFileName(labels.title(content) + labels.issueLine(content) + ".pdf");
        attachment.setDisposition(Part.ATTACHMENT);
        return new MimeMultipart("mixed", readable, attachment);
    }

    /** The content the message carries, if it is still the content that was approved; never anything else. */
    private BulletinContent approvedContent(Map<String, Object> payload) throws DeliveryFailure {
        Object frozen = payload == null ? null : payload.get("content");
        if (!(frozen instanceof Map<?, ?>)) {
            throw new DeliveryFailure("the bulletin message carries no content");
        }
        BulletinContent content = json.parse(JsonColumns.write(frozen));
        if (!json.sha256(content).equals(payload.get("contentSha256"))) {
            throw new DeliveryFailure("the bulletin's content differs from its approved hash; not sent");
        }
        return content;
    }
}
