package io.ribao.aggregation.alert;

import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alert texts from the UTF-8 bundle {@code alerts.properties} (Chinese, the default) or {@code alerts_en.properties}.
 * Arguments: {0} unit name, {1} date, {2} the deadline as a local time, {3} a type-specific detail. Each text is
 * parsed once into a {@link MessageTemplate}; thread-safe.
 */
public final class AlertMessages {

    private final ResourceBundle bundle;
    private final Map<String, MessageTemplate> templates = new ConcurrentHashMap<>();

    public AlertMessages(Locale locale) {
        this.bundle = ResourceBundle.getBundle("alerts", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The Chinese texts, whatever the JVM's default locale is. */
    public static AlertMessages chinese() {
        return new AlertMessages(Locale.ROOT);
    }

    public String format(AlertType type, AlertState state, String... args) {
        String raised = template(type.name()).format(args);
        if (state == AlertState.RESOLVED) {
            return template("RESOLVED").format(raised);
        }
        return raised;
    }

    private MessageTemplate template(String key) {
        return templates.computeIfAbsent(key, k -> MessageTemplate.parse(bundle.getString(k)));
    }
}
