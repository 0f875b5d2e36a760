package io.ribao.bulletin.delivery;

import io.ribao.schemas.alert.AlertType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is told of an alert (DESIGN.md §5): the recipients the Streams app named, the unit's principal and its
 * supervisors; STILL_MISSING and CONCEALMENT_SUSPECTED also go to the command office. Escalation goes one level
 * up: the parent unit's principal and supervisors.
 */
public final class AlertRouting {

    private static final Set<AlertType> TO_OFFICE = EnumSet.of(AlertType.STILL_MISSING,
            AlertType.CONCEALMENT_SUSPECTED);

    /** The people of one unit an alert can be routed to. */
    public record UnitPeople(String principalId, List<String> supervisorIds) {
    }

    private AlertRouting() {
    }

    public static List<String> recipients(AlertType type, List<String> named, UnitPeople unit,
                                          List<String> officeUserIds) {
        Set<String> out = new LinkedHashSet<>(named);
        if (unit != null) {
            add(out, unit.principalId());
            unit.supervisorIds().forEach(id -> add(out, id));
        }
        if (TO_OFFICE.contains(type)) {
            officeUserIds.forEach(id -> add(out, id));
        }
        return new ArrayList<>(out);
    }

    public static List<String> escalation(UnitPeople parent) {
        if (parent == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        add(out, parent.principalId());
        parent.supervisorIds().forEach(id -> add(out, id));
        return new ArrayList<>(out);
    }

    private static void add(Set<String> out, String id) {
        if (id != null && !id.isBlank()) {
            out.add(id);
        }
    }
}
