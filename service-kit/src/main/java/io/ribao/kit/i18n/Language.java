package io.ribao.kit.i18n;

import java.util.Locale;

/** The language a user reads: Chinese unless the client asks for English first (DESIGN.md: Chinese users). */
public enum Language {
    CHINESE,
    ENGLISH;

    /** Chinese unless the first preference of an {@code Accept-Language} header is English. */
    public static Language ofAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
            return ENGLISH;
        }
        return CHINESE;
    }
}
