package io.ribao.kit.i18n;

import java.util.Objects;

/**
 * A user-facing text in Chinese and in English, told in the reader's {@link Language} when it is answered; the
 * English one also goes to logs.
 */
public record Text(String chinese, String english) {

    public Text {
        Objects.requireNonNull(chinese, "chinese");
        Objects.requireNonNull(english, "english");
    }

    public static Text of(String chinese, String english) {
        return new Text(chinese, english);
    }

    /** A text that is the same in every language: already in the reader's language, or a name. */
    public static Text verbatim(String text) {
        return new Text(text, text);
    }

    public String in(Language language) {
        return language == Language.ENGLISH ? english : chinese;
    }

    @Override
    public String toString() {
        return english;
    }
}
