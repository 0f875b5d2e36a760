package io.ribao.bulletin.delivery;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The body a webhook receives, by format: plain JSON (the message payload, whole), or the markdown robot formats of
 * WeCom (企业微信), DingTalk (钉钉) and Feishu (飞书, an interactive card with one markdown element).
 *
 * <p>A robot refuses a message above its size limit, so the markdown is cut at a whole line to fit, and a last line
 * says how many lines were left out. A digest has one line per alert and its title gives the total; the in-app
 * message, the mail and the JSON payload keep every alert. Limits, in bytes of UTF-8 (decision 439): WeCom's
 * documented 4096 for markdown {@code content}; DingTalk 18000, below the about 20000 its robots accept; Feishu
 * 18000, which with the card around it keeps the request below its documented 20 KB.
 */
public final class WebhookBodies {

    static final int WECOM_BYTES = 4096;
    static final int DINGTALK_BYTES = 18_000;
    static final int FEISHU_BYTES = 18_000;

    private static final ResourceBundle LABELS = ResourceBundle.getBundle("i18n.delivery");

    private WebhookBodies() {
    }

    public static Map<String, Object> of(String format, Message message) {
        String f = format == null ? "json" : format;
        return switch (f) {
            case "json" -> message.payload();
            case "wecom" -> Map.of("msgtype", "markdown",
                    "markdown", Map.of("content",
                            fit("### " + message.title() + "\n", message.markdown(), WECOM_BYTES)));
            case "dingtalk" -> Map.of("msgtype", "markdown",
                    "markdown", Map.of("title", message.title(),
                            "text", fit("### " + message.title() + "\n\n", message.markdown(), DINGTALK_BYTES)));
            case "feishu" -> feishu(message);
            default -> throw new IllegalArgumentException("unknown webhook format '" + f + "'");
        };
    }

    private static Map<String, Object> feishu(Message message) {
        Map<String, Object> header = Map.of("title", Map.of("tag", "plain_text", "content", message.title()));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("header", header);
        card.put("elements", List.of(Map.of("tag", "markdown",
                "content", fit("", message.markdown(), FEISHU_BYTES))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msg_type", "interactive");
        body.put("card", card);
        return body;
    }

    /**
     * The head and the markdown if they fit in {@code limit} bytes; else the head, the first whole lines that fit
     * with room for the last line, and that last line: "…等 N 条，请登录指挥部工作台查看", N the lines left out.
     */
    static String fit(String head, String markdown, int limit) {
        if (bytes(head + markdown) <= limit) {
            return head + markdown;
        }
        String[] lines = markdown.split("\n");
        int room = limit - bytes(head) - bytes(more(lines.length)); // N has at most as many digits as the total
        StringBuilder shown = new StringBuilder(head);
        int count = 0;
        for (String line : lines) {
            room -= bytes(line) + 1;
            if (room < 0) {
                break;
            }
            shown.append(line).append('\n');
            count++;
        }
        return shown.append(more(lines.length - count)).toString();
    }

    /** After a blank line, so that markdown does not read it as the end of the last list item. */
    private static String more(int left) {
        return "\n" + MessageFormat.format(LABELS.getString("markdown.more"), String.valueOf(left));
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
