package io.ribao.bulletin.delivery;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;

/**
 * Unhealthy when the dispatcher has finished neither a pass nor a send for longer than the bound (decision 438): its
 * thread is stuck, or every pass fails (the log says why). A long pass stays healthy while its sends keep finishing,
 * each within the bound.
 */
public final class DispatcherHealthCheck extends HealthCheck {

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Duration bound;

    public DispatcherHealthCheck(Dispatcher dispatcher, Clock clock, Duration bound) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.bound = bound;
    }

    @Override
    protected Result check() {
        Duration quiet = Duration.between(dispatcher.lastProgress(), clock.instant());
        if (quiet.compareTo(bound) <= 0) {
            return Result.healthy();
        }
        return Result.unhealthy("the alert dispatcher has finished no pass and no send for %s (bound %s); see the log",
                quiet, bound);
    }
}
