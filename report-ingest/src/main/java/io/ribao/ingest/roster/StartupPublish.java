package io.ribao.ingest.roster;

import io.ribao.ingest.kafka.OneTransaction;
import java.time.Duration;
import java.util.Optional;

/**
 * The roster file's publish at start-up, when replicas start together. Every roster publish fences the one still
 * open (decisions 421, 423), so a replica may find its publish superseded. It then asks, for at most a second, whether
 * the file is in force anyway (another replica published the same file) and publishes again only if it is not — at
 * most {@link #ATTEMPTS} times, all within one budget.
 */
public final class StartupPublish {

    static final int ATTEMPTS = 3;
    private static final Duration IN_FORCE_WAIT = Duration.ofSeconds(1);

    /** One publish of the file, within what is left of the budget. */
    @FunctionalInterface
    public interface Attempt {
        RosterPublisher.Published publish(Duration left);
    }

    /** Whether the file is in force (under any version) within the given wait. */
    @FunctionalInterface
    public interface InForce {
        boolean within(Duration wait);
    }

    private StartupPublish() {
    }

    /**
     * This replica's publish, or empty when another replica's publish of the same file superseded it; throws the
     * last {@link OneTransaction.Superseded} when the file is still not in force after {@link #ATTEMPTS} attempts.
     */
    public static Optional<RosterPublisher.Published> run(Attempt attempt, InForce inForce, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        for (int made = 1; ; made++) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            try {
                return Optional.of(attempt.publish(left));
            } catch (OneTransaction.Superseded e) {
                Duration wait = left.compareTo(IN_FORCE_WAIT) < 0 ? left : IN_FORCE_WAIT;
                if (inForce.within(wait)) {
                    return Optional.empty();
                }
                if (made == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The roster file's publish at start-up through {@code publisher}. */
    public static Optional<RosterPublisher.Published> run(RosterPublisher publisher, Roster roster, Duration budget) {
        return run(left -> publisher.publish(roster, left), wait -> publisher.inForce(roster, wait), budget);
    }
}
