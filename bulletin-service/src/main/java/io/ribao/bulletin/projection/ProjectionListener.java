package io.ribao.bulletin.projection;

/**
 * Told, in-process and after the database commit, what a batch changed: the dashboard pushes statuses, the
 * bulletin drafts a closed day. A listener that throws is logged and does not stop the projection.
 */
@FunctionalInterface
public interface ProjectionListener {

    void afterCommit(Applied applied);
}
