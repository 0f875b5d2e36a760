package io.ribao.bulletin.workflow;

/** Release of a bulletin no director has approved: refused, answered 409 NOT_APPROVED, and audited. */
public final class NotApproved extends BulletinConflict {

    public NotApproved(String bulletinId) {
        super("NOT_APPROVED", "bulletin " + bulletinId + " has not been approved; it cannot be released");
    }
}
