package io.ribao.kit.auth;

import io.ribao.schemas.roster.Role;
import java.security.Principal;
import java.util.Objects;

/** The authenticated roster user behind a request. {@link #getName()} is the user id (safe to log; never the token). */
public record RibaoPrincipal(String userId, String displayName, Role role, String unitId, String jurisdictionId)
        implements Principal {

    public RibaoPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String getName() {
        return userId;
    }

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }

    /** Whether this user belongs to the given unit (clerks, principals and delegates act only for their own). */
    public boolean belongsTo(String candidateUnitId) {
        return unitId != null && unitId.equals(candidateUnitId);
    }
}
