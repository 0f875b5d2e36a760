package io.ribao.bulletin.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a message goes: {@code inapp}, {@code webhook} (format json, wecom, dingtalk or feishu) or {@code email}.
 * Mirrors the roster's Channel record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelSpec(String type, String url, String to, String format) {

    public static final ChannelSpec IN_APP = new ChannelSpec("inapp", null, null, null);

    public String id() {
        return switch (type) {
            case "webhook" -> "webhook:" + url;
            case "email" -> "email:" + to;
            default -> type;
        };
    }
}
