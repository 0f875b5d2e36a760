package io.ribao.bulletin.workflow;

import io.dropwizard.lifecycle.Managed;
import io.ribao.bulletin.projection.Applied;
import io.ribao.bulletin.projection.ProjectionListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic draft at the bulletin deadline (DESIGN.md §7): each day the projection sees closed is drafted from its
 * snapshot. The day-closed record is committed before the draft is made and never read again, so a day can be left
 * without one (a crash in between, a database error, a roster not yet projected); such days, closed within
 * {@link #LOOK_BACK}, are drafted when the service starts, after a batch that follows a failure, and after a roster
 * change. A day that already has a bulletin is left alone, so drafting twice (two replicas) changes nothing.
 */
public final class DayCloseDrafting implements ProjectionListener, Managed {

    /** How far back a day closed without a draft is still drafted automatically; older ones the office drafts. */
    public static final Duration LOOK_BACK = Duration.ofDays(3);

    private static final Logger LOG = LoggerFactory.getLogger(DayCloseDrafting.class);

    private final BulletinService bulletins;
    private volatile boolean owed = true;

    public DayCloseDrafting(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @Override
    public void start() {
        try {
            draftMissed();
        } catch (RuntimeException e) {
            LOG.warn("could not look for closed days without a bulletin at start; trying again after the next batch", e);
        }
    }

    @Override
    public void afterCommit(Applied applied) {
        boolean lookBack = owed || applied.isRosterChanged();
        owed = true; // until this batch's days are drafted: a failure leaves the look back to the next batch
        applied.closedDays().forEach(day -> bulletins.draftFromDayClosed(day.jurisdictionId(), day.date()));
        if (lookBack) {
            draftMissed();
        }
        owed = false;
    }

    private void draftMissed() {
        bulletins.draftMissed(LOOK_BACK).forEach(b -> LOG.info("drafted the missed bulletin {} of {} on {}", b.id(),
                b.jurisdictionId(), b.day()));
        owed = false;
    }
}
