package io.ribao.bulletin.delivery;

import java.util.Map;

/**
 * One message to one recipient, in every form a channel may need: plain text (email, in-app), markdown (robot
 * webhooks) and a structured payload (plain JSON webhooks).
 */
public record Message(String kind, String title, String text, String markdown, Map<String, Object> payload) {
}
