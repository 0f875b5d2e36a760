package io.ribao.aggregation.alert;

import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Alert texts from the UTF-8 bundle {@code alerts.properties} (Chinese, the default) or {@code alerts_en.properties}.
 * Arguments: {0} unit name, {1} date, {2} the deadline as a local time, {3} a type-specific detail. Keeps its parsed
 * formats, so it is not thread-safe: one per stream task.
 */
public final class AlertMessages {

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Map<String, MessageFormat> formats = new HashMap<>();

    public AlertMessages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("alerts", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The Chinese texts, whatever the JVM's default locale is. */
    public static AlertMessages chinese() {
        return new AlertMessages(Locale.ROOT);
    }

    public String format(AlertType type, AlertState state, Object... args) {
        String raised = format(type.name()).format(args);
        if (state == AlertState.RESOLVED) {
            return format("RESOLVED").format(new Object[] {raised});
        }
        return raised;
    }

    private MessageFormat format(String key) {
        return formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
    }
}
