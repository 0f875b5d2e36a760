package io.ribao.aggregation.rules;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Messages of the rules, from the UTF-8 bundle {@code rules} (Chinese base, English beside it). */
final class RuleMessages {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "rules";

    private RuleMessages() {
    }

    static String format(String key, List<String> arguments, Locale locale) {
        // No fallback to the JVM's default locale: an English server must still send Chinese alerts.
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments.toArray());
    }
}
