package io.ribao.bulletin.workflow;

/**
 * Who does a workflow step: the user id, the roster role name, the jurisdiction they act for (null: every one, as
 * for the system), and where the request came from (for audit).
 */
public record Actor(String userId, String role, String jurisdictionId, String sourceAddress) {

    /** Drafting at the bulletin deadline, triggered by the day-closed snapshot rather than by a person. */
    public static final Actor SYSTEM = new Actor("system", "SYSTEM", null, null);

    public boolean hasRole(String... roles) {
        for (String candidate : roles) {
            if (candidate.equals(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this actor may act on a bulletin of the given jurisdiction. */
    public boolean actsFor(String bulletinJurisdictionId) {
        return jurisdictionId == null || jurisdictionId.equals(bulletinJurisdictionId);
    }
}
