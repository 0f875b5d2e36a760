package io.ribao.ingest.core;

import io.ribao.kit.i18n.Language;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing messages from {@code i18n/messages*.properties}: Chinese unless the client asks for English. */
public final class Messages {

    // bundles are immutable and thread-safe: one instance per language instead of a bundle look-up per request
    private static final Messages CHINESE = new Messages(Locale.SIMPLIFIED_CHINESE);
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        // the base bundle is Chinese; never fall back to the JVM's default locale
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages chinese() {
        return CHINESE;
    }

    public static Messages english() {
        return ENGLISH;
    }

    /** Chinese unless the first preference of an {@code Accept-Language} header is English. */
    public static Messages forAcceptLanguage(String acceptLanguage) {
        return Language.ofAcceptLanguage(acceptLanguage) == Language.ENGLISH ? english() : chinese();
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
