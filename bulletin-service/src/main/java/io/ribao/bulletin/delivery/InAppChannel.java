package io.ribao.bulletin.delivery;

import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** The in-app inbox: a row the dashboard shows to the recipient. */
public final class InAppChannel implements Channel {

    private final Clock clock;

    public InAppChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void deliver(Handle handle, long outboxId, String messageKey, String recipientId, ChannelSpec spec,
                        Message message) {
        handle.attach(DeliveryDao.class).deliverToInbox(outboxId, recipientId, message.title(), message.text(),
                clock.instant());
    }
}
