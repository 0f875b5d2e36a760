package io.ribao.ingest.api;

import io.ribao.schemas.roster.Unit;
import java.util.List;
import java.util.Map;

/** A unit of the roster. */
public record UnitView(String id, String jurisdictionId, String name, String kind, String parentId,
                       List<String> ancestorIds, String formId, String principalId, List<String> supervisorIds,
                       String activeFrom, String activeTo, boolean suspended, String suspendedFrom,
                       Map<String, Long> targets) {

    public static UnitView of(Unit unit) {
        return new UnitView(unit.getId(), unit.getJurisdictionId(), unit.getName(), unit.getKind().name(),
                unit.getParentId(), List.copyOf(unit.getAncestorIds()), unit.getFormId(), unit.getPrincipalId(),
                List.copyOf(unit.getSupervisorIds()), String.valueOf(unit.getActiveFrom()),
                unit.getActiveTo() == null ? null : unit.getActiveTo().toString(), unit.getSuspended(),
                unit.getSuspendedFrom() == null ? null : unit.getSuspendedFrom().toString(),
                Map.copyOf(unit.getTargets()));
    }
}
