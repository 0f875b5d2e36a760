package io.ribao.bulletin.projection;

import io.ribao.schemas.dlq.DeadLetter;

/** Where records that cannot be applied go; {@link #send} returns only once the dead letter is durable. */
@FunctionalInterface
public interface DeadLetters {

    void send(String key, DeadLetter deadLetter);
}
