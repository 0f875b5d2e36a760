package io.ribao.bulletin.core;

import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.schemas.roster.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which units a caller may read (DESIGN.md §9), always within the caller's own jurisdiction (decision 433): there
 * the command office, director, leaders and the roster admin see every unit; a supervisor sees the units it
 * supervises and everything below them; a principal its own unit and everything below it; a clerk or delegate only
 * its own unit. Another jurisdiction's units are seen by nobody of this one; a caller without a jurisdiction keeps
 * every jurisdiction in scope.
 */
public final class Visibility {

    private static final Set<Role> WHOLE_JURISDICTION = EnumSet.of(Role.OFFICE, Role.DIRECTOR, Role.LEADER,
            Role.ADMIN);

    private final RibaoPrincipal caller;
    private final Set<String> supervised;

    public Visibility(RibaoPrincipal caller, Collection<String> supervisedUnitIds) {
        this.caller = caller;
        this.supervised = Set.copyOf(supervisedUnitIds);
    }

    /**
     * The one jurisdiction the caller reads, for narrowing a query before its limit; null for a caller without a
     * jurisdiction, who reads them all.
     */
    public String jurisdictionScope() {
        return caller.jurisdictionId();
    }

    /**
     * Whether the jurisdiction is in the caller's scope: its own, or any for a caller without one. What is outside
     * it (an alert, a finding, a unit) is answered as unknown.
     */
    public boolean seesJurisdiction(String jurisdictionId) {
        return caller.jurisdictionId() == null || caller.jurisdictionId().equals(jurisdictionId);
    }

    /** Whether the caller sees every unit of the jurisdiction: the office, director, leaders and admin of it. */
    public boolean seesEveryUnitOf(String jurisdictionId) {
        return WHOLE_JURISDICTION.contains(caller.role()) && seesJurisdiction(jurisdictionId);
    }

    /**
     * @param jurisdictionId the unit's jurisdiction
     * @param ancestorIds    the path from the root to the unit's parent
     */
    public boolean sees(String jurisdictionId, String unitId, List<String> ancestorIds) {
        if (!seesJurisdiction(jurisdictionId)) {
            return false;
        }
        if (WHOLE_JURISDICTION.contains(caller.role())) {
            return true;
        }
        if (caller.role() == Role.SUPERVISOR) {
            return supervised.contains(unitId) || ancestorIds.stream().anyMatch(supervised::contains);
        }
        if (caller.unitId() == null) {
            return false;
        }
        if (caller.role() == Role.PRINCIPAL) {
            return caller.unitId().equals(unitId) || ancestorIds.contains(caller.unitId());
        }
        return caller.unitId().equals(unitId);
    }
}
