package io.ribao.bulletin.core;

import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.schemas.roster.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which units a caller may read (DESIGN.md §9): the command office, director, leaders and the roster admin see
 * every unit; a supervisor sees the units it supervises and everything below them; a principal its own unit and
 * everything below it; a clerk or delegate only its own unit.
 */
public final class Visibility {

    private static final Set<Role> SEE_ALL = EnumSet.of(Role.OFFICE, Role.DIRECTOR, Role.LEADER, Role.ADMIN);

    private final RibaoPrincipal caller;
    private final Set<String> supervised;

    public Visibility(RibaoPrincipal caller, Collection<String> supervisedUnitIds) {
        this.caller = caller;
        this.supervised = Set.copyOf(supervisedUnitIds);
    }

    public boolean seesAll() {
        return SEE_ALL.contains(caller.role());
    }

    /** @param ancestorIds the path from the root to the unit's parent */
    public boolean sees(String unitId, List<String> ancestorIds) {
        if (seesAll()) {
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
