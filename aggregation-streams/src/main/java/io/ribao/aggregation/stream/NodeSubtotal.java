package io.ribao.aggregation.stream;

import io.ribao.aggregation.rollup.NodeTotals;
import java.time.LocalDate;

/**
 * One unit-day task's subtotal of a node-day: the shares of its unit-days two or more levels below the node, summed
 * ({@link TaskSubtotals}). The node's roll-up task keeps one per source task and replaces it with the next; an empty
 * one withdraws it.
 *
 * @param sourceTask the partition of the unit-day task that sums it
 */
public record NodeSubtotal(String jurisdictionId, LocalDate date, String nodeId, int sourceTask, NodeTotals totals)
        implements NodeShare {
}
