package io.ribao.bulletin.delivery;

import java.time.Duration;

/** Exponential backoff: initial after the first failure, doubling after each further one, capped. */
public record Backoff(Duration initial, Duration max) {

    /** @param failures how many attempts have failed so far (≥ 1) */
    public Duration after(int failures) {
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = initial.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
