package io.ribao.bulletin.workflow;

import io.dropwizard.core.setup.Environment;
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

    public static BulletinService register(Environment env, Jdbi jdbi, Clock clock, BulletinDelivery delivery,
                                           BulletinPublisher publisher) {
        return register(env, jdbi, clock, delivery, publisher, MetricNames.known());
    }

    /** As above, with other display names for the metrics the roster's forms do not name. */
    public static BulletinService register(Environment env, Jdbi jdbi, Clock clock, BulletinDelivery delivery,
                                           BulletinPublisher publisher, MetricNames metricNames) {
        BulletinService service = new BulletinService(jdbi, clock, delivery, publisher, metricNames);
        env.jersey().register(new BulletinResource(service));
        return service;
    }
}
