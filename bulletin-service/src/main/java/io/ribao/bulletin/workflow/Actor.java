package io.ribao.bulletin.workflow;

/** Who does a workflow step: the user id, the roster role name, and where the request came from (for audit). */
public record Actor(String userId, String role, String sourceAddress) {

    /** Drafting at the bulletin deadline, triggered by the day-closed snapshot rather than by a person. */
    public static final Actor SYSTEM = new Actor("system", "SYSTEM", null);

    public boolean hasRole(String... roles) {
        for (String candidate : roles) {
            if (candidate.equals(role)) {
                return true;
            }
        }
        return false;
    }
}
