package io.ribao.bulletin.projection;

/**
 * Told, in-process and after the database commit, what a batch changed: the dashboard pushes statuses, the
 * bulletin drafts a closed day. A listener that throws is logged and does not stop the projection.
 */
@FunctionalInterface
public interface ProjectionListener {

    void afterCommit(Applied applied);

    /**
     * Told, before {@link #afterCommit} of the same batch, the statuses and alerts of the records this replica
     * skipped because another replica had already applied and committed them (decision 300): a listener that shows
     * changes (the live board) needs them, a listener that acts on them (drafting) must not act twice. No-op unless
     * overridden.
     */
    default void appliedElsewhere(Applied applied) {
    }
}
