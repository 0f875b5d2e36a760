package io.ribao.bulletin.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body a webhook receives, by format: plain JSON (the message payload), or the markdown robot formats of
 * WeCom (企业微信), DingTalk (钉钉) and Feishu (飞书, an interactive card with one markdown element).
 */
public final class WebhookBodies {

    private WebhookBodies() {
    }

    public static Map<String, Object> of(String format, Message message) {
        String f = format == null ? "json" : format;
        return switch (f) {
            case "json" -> message.payload();
            case "wecom" -> Map.of("msgtype", "markdown",
                    "markdown", Map.of("content", "### " + message.title() + "\n" + message.markdown()));
            case "dingtalk" -> Map.of("msgtype", "markdown",
                    "markdown", Map.of("title", message.title(),
                            "text", "### " + message.title() + "\n\n" + message.markdown()));
            case "feishu" -> feishu(message);
            default -> throw new IllegalArgumentException("unknown webhook format '" + f + "'");
        };
    }

    private static Map<String, Object> feishu(Message message) {
        Map<String, Object> header = Map.of("title", Map.of("tag", "plain_text", "content", message.title()));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("header", header);
        card.put("elements", List.of(Map.of("tag", "markdown", "content", message.markdown())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msg_type", "interactive");
        body.put("card", card);
        return body;
    }
}
