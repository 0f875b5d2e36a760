package io.ribao.bulletin.delivery;

/** A channel could not deliver a message; it will be retried with backoff until the attempts run out. */
public final class DeliveryFailure extends Exception {

    public DeliveryFailure(String message) {
        super(message);
    }

    public DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
