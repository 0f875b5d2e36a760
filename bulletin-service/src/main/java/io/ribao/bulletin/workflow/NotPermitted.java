package io.ribao.bulletin.workflow;

/** A workflow step by someone whose role may not take it (an unauthorized release is 私自上报); answered 403. */
public final class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
