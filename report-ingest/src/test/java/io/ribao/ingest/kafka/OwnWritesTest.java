package io.ribao.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnWritesTest {

    private final OwnWrites own = new OwnWrites(4);

    @Test
    void passesExactlyTheOffsetsThisReplicaWrote() {
        own.wrote(0, 10);
        own.wrote(0, 12);
        assertThat(own.passes(0, 10)).isTrue();
        assertThat(own.passes(0, 11)).isFalse(); // another replica's write
        assertThat(own.passes(0, 12)).isTrue();
        assertThat(own.passes(0, 13)).isFalse();
    }

    @Test
    void partitionsAreApart() {
        own.wrote(1, 5);
        assertThat(own.passes(0, 5)).isFalse();
        assertThat(own.passes(2, 5)).isFalse();
        assertThat(own.passes(1, 5)).isTrue();
    }

    @Test
    void eachOffsetIsPassedOnce() {
        own.wrote(0, 7);
        assertThat(own.passes(0, 7)).isTrue();
        assertThat(own.passes(0, 7)).isFalse(); // read again after a restart of the log: decoded
    }

    @Test
    void aWriteNotedAfterTheLogReadItIsForgottenWhenTheLogMovesOn() {
        assertThat(own.passes(0, 3)).isFalse(); // read before its acknowledgement was noted: decoded
        own.wrote(0, 3);
        own.wrote(0, 4);
        assertThat(own.passes(0, 4)).isTrue(); // 3 is dropped on the way, it cannot pile up
        own.wrote(0, 9);
        assertThat(own.passes(0, 9)).isTrue();
    }

    @Test
    void aStalledLogLeavesFurtherWritesToBeDecoded() {
        for (long offset = 0; offset < 6; offset++) {
            own.wrote(0, offset);
        }
        assertThat(own.passes(0, 3)).isTrue();
        assertThat(own.passes(0, 4)).isFalse(); // beyond the capacity of 4: not noted, so decoded
        assertThat(own.passes(0, 5)).isFalse();
    }
}
