package io.ribao.aggregation.stream;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;

/**
 * One unit-day's contribution to one node, on its way to the node's roll-up task (key {@code nodeId/date}). The
 * node's own contribution carries the node's roster unit, so the roll-up task can name it in a concealment alert.
 */
public record NodeContribution(String jurisdictionId, LocalDate date, Contribution contribution, Unit nodeUnit)
        implements NodeShare {
}
