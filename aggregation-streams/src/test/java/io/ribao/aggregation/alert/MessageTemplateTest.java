package io.ribao.aggregation.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private static final String[] ARGUMENTS = {"天保镇", "2026-03-02", "16:30", "第3版"};

    @Test
    void everyAlertTextReadsAsMessageFormatReadsIt() {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.ENGLISH}) {
            ResourceBundle bundle = ResourceBundle.getBundle("alerts", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) {
                String text = bundle.getString(key);
                assertThat(MessageTemplate.parse(text).format(ARGUMENTS)).as("%s in %s", key, locale)
                        .isEqualTo(new MessageFormat(text, locale).format(ARGUMENTS));
            }
        }
    }

    @Test
    void placesInAnyOrderRepeatedOrMissing() {
        String text = "{1}{0}，{1}。{3}";
        for (String[] arguments : new String[][] {{"a", "b", "c", "d"}, {"a", "b"}, {"甲", null, "", "丁"}}) {
            assertThat(MessageTemplate.parse(text).format(arguments))
                    .isEqualTo(new MessageFormat(text, Locale.ROOT).format(arguments));
        }
        assertThat(MessageTemplate.parse("no places").format()).isEqualTo("no places");
    }

    @Test
    void whatMessageFormatWouldReadOtherwiseIsRefused() {
        for (String text : new String[] {"it''s {0}", "'{0}'", "{0,number}", "{x}", "{0", "a}b", "{10}", "{"}) {
            assertThatThrownBy(() -> MessageTemplate.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only places {0} … {9}");
        }
    }
}
