package io.ribao.bulletin.document;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The bulletin's Chinese wording, read from {@code bulletin/labels.properties} so no Chinese sits in Java code. */
public final class Labels {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundle bundle;
    private final DateTimeFormatter datePattern;
    private final List<String> ordinals;

    private Labels(ResourceBundle bundle) {
        this.bundle = bundle;
        this.datePattern = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), CHINESE);
        this.ordinals = List.of(bundle.getString("ordinals").split(","));
    }

    public static Labels chinese() {
        // ROOT control: one bundle, no locale lookup, so the JVM's default locale cannot change the wording.
        return new Labels(ResourceBundle.getBundle("bulletin.labels", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public String text(String key) {
        return bundle.getString(key);
    }

    /** The label for key, or fallback when the bundle has none (an unknown status from a newer producer). */
    public String textOr(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), CHINESE).format(args);
    }

    public String date(LocalDate date) {
        return datePattern.format(date);
    }

    public String title(BulletinContent content) {
        return content.jurisdictionName() + text("title.suffix");
    }

    public String issueLine(BulletinContent content) {
        String issue = content.issueNo() == null ? text("issue.pending") : format("issue.number", content.issueNo());
        if (content.version() > 1) {
            issue = issue + format("version.correction", content.version());
        }
        return issue;
    }

    public String subsection(int index, String kind) {
        String ordinal = index < ordinals.size() ? ordinals.get(index) : String.valueOf(index + 1);
        return format("subsection.format", ordinal, textOr("kind." + kind, kind));
    }

    public String status(String state) {
        return textOr("status." + state, state);
    }

    public String signer(String signer) {
        return signer == null ? "" : textOr("signer." + signer, signer);
    }

    public String findingStatus(String status) {
        return status == null ? "" : textOr("finding.status." + status, status);
    }

    public String overviewText(Overview o) {
        return format("overview.text", o.expected(), o.onTime(), o.late(), o.missing(), o.unsigned(), o.pending(),
                o.zeroReports(), o.delegateSigned(), String.valueOf(o.reportedRate()), String.valueOf(o.onTimeRate()));
    }

    public String change(Long change) {
        if (change == null) {
            return text("keyFigures.unknown");
        }
        return change > 0 ? "+" + change : String.valueOf(change);
    }
}
