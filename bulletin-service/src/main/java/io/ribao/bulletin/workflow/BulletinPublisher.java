package io.ribao.bulletin.workflow;

import io.ribao.schemas.bulletin.BulletinEvent;

/**
 * Publishes bulletin events (drafted, approved, released) to {@code ribao.bulletins} for upper levels; the
 * application wires it to Kafka. Called after the database commit.
 */
public interface BulletinPublisher {

    void publish(BulletinEvent event);

    BulletinPublisher NONE = event -> { };
}
