package io.ribao.bulletin.workflow;

import io.dropwizard.core.setup.Environment;
import io.ribao.kit.roster.RosterView;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The bulletin (专报) in one call from the application's {@code run}: builds the service and registers its resource.
 * The returned service's {@link BulletinService#draftFromDayClosed} is what the projection calls after a day-closed
 * row commits.
 */
public final class BulletinFeature {

    private BulletinFeature() {
    }

    /** @param roster the service's live roster, for the instants' wall-clock zones and the only jurisdiction */
    public static BulletinService register(Environment env, Jdbi jdbi, RosterView roster, Clock clock,
                                           BulletinDelivery delivery, BulletinPublisher publisher) {
        return register(env, jdbi, roster, clock, delivery, publisher, MetricNames.known());
    }

    /** As above, with other display names for the metrics the roster's forms do not name. */
    public static BulletinService register(Environment env, Jdbi jdbi, RosterView roster, Clock clock,
                                           BulletinDelivery delivery, BulletinPublisher publisher,
                                           MetricNames metricNames) {
        BulletinService service = new BulletinService(jdbi, clock, delivery, publisher, metricNames);
        // relays the events a step could not publish (the broker away) until it can, also those a restart left queued
        env.lifecycle().manage(service.events());
        env.jersey().register(new BulletinResource(service, roster));
        return service;
    }
}
