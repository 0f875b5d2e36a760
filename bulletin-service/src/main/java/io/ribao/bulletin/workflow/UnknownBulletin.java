package io.ribao.bulletin.workflow;

/** No bulletin of that id; answered 404. */
public final class UnknownBulletin extends RuntimeException {

    public UnknownBulletin(String id) {
        super("unknown bulletin '" + id + "'");
    }
}
