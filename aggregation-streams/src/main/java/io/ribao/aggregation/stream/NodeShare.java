package io.ribao.aggregation.stream;

import java.time.LocalDate;

/**
 * What travels from a unit-day task to a node's roll-up task (key {@code nodeId/date}): one unit-day's share of the node
 * ({@link NodeContribution}), or the sum of a task's unit-days' shares from two or more levels below
 * ({@link NodeSubtotal}, decision 282).
 */
public sealed interface NodeShare permits NodeContribution, NodeSubtotal {

    String jurisdictionId();

    LocalDate date();
}
