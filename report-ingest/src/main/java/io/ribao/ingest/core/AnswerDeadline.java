package io.ribao.ingest.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a write request is answered at the latest, by the service's clock: its arrival plus the answer budget (DESIGN.md
 * §8: with the broker unreachable, 503 within 5 s). Every wait the request makes is bounded by the time left.
 */
public record AnswerDeadline(Instant at, Clock clock) {

    /** The deadline of a request arriving now. */
    public static AnswerDeadline after(Duration budget, Clock clock) {
        return new AnswerDeadline(clock.instant().plus(budget), clock);
    }

    /** The time left until the deadline; zero once it has passed. */
    public Duration left() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The deadline {@code reserve} earlier: what a step must be done by to leave {@code reserve} for what follows. */
    public AnswerDeadline less(Duration reserve) {
        return new AnswerDeadline(at.minus(reserve), clock);
    }
}
