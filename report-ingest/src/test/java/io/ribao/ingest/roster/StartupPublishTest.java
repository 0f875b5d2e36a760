package io.ribao.ingest.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.ingest.kafka.OneTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start-up publish's answer to being fenced by another replica (decisions 421, 423). */
class StartupPublishTest {

    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static final RosterPublisher.Published PUBLISHED = new RosterPublisher.Published("demo-county", 7, 1, 1,
            1, 0, 0, 0, true);

    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Duration> inForceWaits = new ArrayList<>();

    @Test
    void aPublishSupersededByAnotherReplicasPublishOfTheSameFileIsNotMadeAgain() {
        var result = StartupPublish.run(left -> fenced(), wait -> asked(wait, true), BUDGET);

        assertThat(result).isEmpty();
        assertThat(attempts).hasValue(1);
        assertThat(inForceWaits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aSupersededPublishWhoseFileIsNotInForceIsMadeAgain() {
        var result = StartupPublish.run(left -> attempts.get() == 0 ? fenced() : made(), wait -> asked(wait, false),
                BUDGET);

        assertThat(result).contains(PUBLISHED);
        assertThat(attempts).hasValue(2);
        assertThat(inForceWaits).hasSize(1);
    }

    @Test
    void aPublishSupersededThreeTimesWithoutTheFileInForceFailsTheStart() {
        assertThatThrownBy(() -> StartupPublish.run(left -> fenced(), wait -> asked(wait, false), BUDGET))
                .isInstanceOf(OneTransaction.Superseded.class);

        assertThat(attempts).hasValue(StartupPublish.ATTEMPTS);
        assertThat(inForceWaits).hasSize(StartupPublish.ATTEMPTS);
    }

    @Test
    void theWaitForTheFileIsBoundedByWhatIsLeftOfTheBudget() {
        StartupPublish.run(left -> fenced(), wait -> asked(wait, true), Duration.ofMillis(300));

        assertThat(inForceWaits).singleElement().satisfies(wait -> assertThat(wait)
                .isLessThanOrEqualTo(Duration.ofMillis(300)));
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> StartupPublish.run(left -> {
            attempts.incrementAndGet();
            throw new BrokerUnavailableException(null);
        }, wait -> asked(wait, false), BUDGET)).isInstanceOf(BrokerUnavailableException.class);

        assertThat(attempts).hasValue(1);
        assertThat(inForceWaits).isEmpty();
    }

    private RosterPublisher.Published fenced() {
        attempts.incrementAndGet();
        throw new OneTransaction.Superseded(null);
    }

    private RosterPublisher.Published made() {
        attempts.incrementAndGet();
        return PUBLISHED;
    }

    private boolean asked(Duration wait, boolean inForce) {
        inForceWaits.add(wait);
        return inForce;
    }
}
