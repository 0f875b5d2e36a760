package io.ribao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class LifetimeTest {

    @Test
    void aClientThatFailsEndsTheProcessWithANonZeroCode() throws InterruptedException {
        // given a running client
        Lifetime lifetime = new Lifetime();
        lifetime.onChange(State.RUNNING, State.REBALANCING);

        // when an unrecoverable error takes it through PENDING_ERROR to ERROR
        lifetime.onChange(State.PENDING_ERROR, State.RUNNING);
        assertThat(lifetime.hasEnded()).isFalse();
        lifetime.onChange(State.ERROR, State.PENDING_ERROR);

        // then main ends with a failure code
        assertThat(lifetime.awaitExitCode()).isEqualTo(Lifetime.FAILED);
    }

    @Test
    void aShutdownRequestEndsTheProcessNormally() throws InterruptedException {
        Lifetime lifetime = new Lifetime();
        lifetime.onChange(State.RUNNING, State.REBALANCING);

        lifetime.shutdownRequested();
        // closing the client afterwards passes through PENDING_SHUTDOWN to NOT_RUNNING, not ERROR
        lifetime.onChange(State.PENDING_SHUTDOWN, State.RUNNING);
        lifetime.onChange(State.NOT_RUNNING, State.PENDING_SHUTDOWN);

        assertThat(lifetime.awaitExitCode()).isEqualTo(Lifetime.STOPPED);
    }

    @Test
    void anErrorDuringARequestedShutdownDoesNotChangeTheOutcome() throws InterruptedException {
        Lifetime lifetime = new Lifetime();

        lifetime.shutdownRequested();
        lifetime.onChange(State.ERROR, State.PENDING_ERROR);

        assertThat(lifetime.awaitExitCode()).isEqualTo(Lifetime.STOPPED);
    }

    @Test
    void theAppKeepsRunningWhileTheClientRebalances() {
        Lifetime lifetime = new Lifetime();

        lifetime.onChange(State.REBALANCING, State.CREATED);
        lifetime.onChange(State.RUNNING, State.REBALANCING);
        lifetime.onChange(State.REBALANCING, State.RUNNING);

        assertThat(lifetime.hasEnded()).isFalse();
    }
}
