package io.ribao.bulletin.delivery;

import org.jdbi.v3.core.Handle;

/** A way of telling someone: in-app inbox, webhook, email. */
public interface Channel {

    /**
     * Delivers the message or throws. The handle is the outbox transaction: a channel that writes to the database
     * (the inbox) commits together with the message being marked sent.
     */
    void deliver(Handle handle, long outboxId, String messageKey, String recipientId, ChannelSpec spec,
                 Message message) throws DeliveryFailure;
}
