package io.ribao.bulletin.workflow;

import io.ribao.kit.i18n.Text;

/** Release of a bulletin no director has approved: refused, answered 409 NOT_APPROVED, and audited. */
public final class NotApproved extends BulletinConflict {

    public NotApproved(String bulletinId) {
        super("NOT_APPROVED", Text.of("专报 " + bulletinId + " 尚未经指挥长审核同意，不能发布",
                "bulletin " + bulletinId + " has not been approved; it cannot be released"));
    }
}
