package io.ribao.bulletin.projection;

/** A record that can never be applied (unreadable, or its content is refused): it goes to the dead-letter topic. */
public final class UnappliableRecord extends RuntimeException {

    public UnappliableRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
