package io.ribao.bulletin.workflow;

import java.time.Instant;

/** Who a released bulletin was sent to, on which channel, and when it was queued, delivered and read. */
public record BulletinReceipt(String bulletinId, String recipient, String channel, Instant queuedAt,
                              Instant deliveredAt, Instant readAt, String detail) {
}
