package io.ribao.bulletin.delivery;

import java.util.Map;

/** The channel implementations by channel type. */
public record Channels(Map<String, Channel> byType) {

    public Channel forType(String type) throws DeliveryFailure {
        Channel channel = byType.get(type);
        if (channel == null) {
            throw new DeliveryFailure("no channel of type '" + type + "'");
        }
        return channel;
    }
}
