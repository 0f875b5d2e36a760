package io.ribao.aggregation.rules;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What re-judging a unit-day or a node changes: findings not raised before are raised, and alerts raised before that
 * no longer hold (the township revised its figure up, the target was reached) are resolved. Each alert id is raised
 * once, so a finding that still holds is not sent again.
 *
 * @param raised           findings to raise now
 * @param resolvedAlertIds alerts to resolve now
 * @param open             the alert ids open after this change, to store for the next time
 */
public record FindingChanges(List<RuleFinding> raised, List<String> resolvedAlertIds, Set<String> open) {

    public FindingChanges {
        raised = List.copyOf(raised);
        resolvedAlertIds = List.copyOf(resolvedAlertIds);
        open = Set.copyOf(open);
    }

    /**
     * @param previouslyOpen the alert ids these same rules raised for the same unit-day or node and not yet resolved
     * @param current        what the rules find now
     */
    public static FindingChanges between(Collection<String> previouslyOpen, List<RuleFinding> current) {
        Set<String> now = current.stream().map(RuleFinding::alertId).collect(Collectors.toSet());
        List<RuleFinding> raised = current.stream().filter(f -> !previouslyOpen.contains(f.alertId())).toList();
        List<String> resolved = previouslyOpen.stream().filter(id -> !now.contains(id)).sorted().toList();
        return new FindingChanges(raised, resolved, now);
    }
}
