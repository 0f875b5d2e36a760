package io.ribao.bulletin.delivery;

import io.ribao.bulletin.db.JsonColumns;
import io.ribao.bulletin.document.BulletinContent;
import io.ribao.bulletin.document.JsonRenderer;
import io.ribao.bulletin.document.Labels;
import io.ribao.bulletin.document.Overview;
import io.ribao.bulletin.workflow.ReleasedBulletin;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Turns a released bulletin into the message every channel sends: the title with its issue (第N期), a text and a
 * markdown that give 一、总体情况's figures, and the payload with the frozen content and its approved hash, from
 * which the JSON webhook is sent and the email channel renders the bulletin itself ({@link BulletinMail}).
 */
public final class BulletinComposer {

    public static final String KIND = "BULLETIN";

    private final ResourceBundle words = ResourceBundle.getBundle("i18n.delivery");
    private final Labels labels = Labels.chinese();
    private final JsonRenderer json = new JsonRenderer();

    public Message compose(ReleasedBulletin b) {
        BulletinContent c = b.content();
        String title = format("bulletin.title", labels.title(c), labels.issueLine(c));
        String issuedBy = format("bulletin.issuedBy", c.office(), labels.date(c.date()));
        String text = format("bulletin.text", title, issuedBy, labels.text("section.overview"),
                labels.overviewText(c.overview()));
        Overview o = c.overview();
        String markdown = format("bulletin.markdown", issuedBy, labels.text("section.overview"),
                o.expected(), o.onTime(), o.late(), o.missing(), o.unsigned(), o.reportedRate(), o.onTimeRate());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", KIND);
        payload.put("bulletinId", b.bulletinId());
        payload.put("jurisdictionId", b.jurisdictionId());
        payload.put("date", b.day().toString());
        payload.put("version", b.version());
        payload.put("issueNo", b.issueNo());
        payload.put("title", b.title());
        payload.put("contentSha256", b.contentSha256());
        payload.put("content", JsonColumns.readMap(json.render(c)));
        return new Message(KIND, title, text, markdown, payload);
    }

    /** Figures as plain digits: MessageFormat would group thousands. */
    private String format(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = String.valueOf(args[i]);
        }
        return MessageFormat.format(words.getString(key), plain);
    }
}
