package io.ribao.bulletin.workflow;

import org.jdbi.v3.core.Handle;

/**
 * Hands a released bulletin to the delivery outbox (implemented by the delivery package). Called inside the release
 * transaction with its handle, so the outbox rows commit or roll back with the release itself.
 */
public interface BulletinDelivery {

    void enqueue(Handle transaction, ReleasedBulletin bulletin);

    /** For tests and for running without delivery: accepts everything, sends nothing. */
    BulletinDelivery NONE = (transaction, bulletin) -> { };
}
