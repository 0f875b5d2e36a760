package io.ribao.bench.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressByFifthsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRunThatRampsUpShowsItsFifthsFasterAndFaster() {
        ProgressByFifths progress = new ProgressByFifths();
        // 1,000 records committed at the start, then 200,000 more: the first fifth in 2 s, each later one in 1 s
        progress.sample(0, 1_000);
        progress.sample(SECOND, 21_000);
        progress.sample(2 * SECOND, 41_000);
        progress.sample(3 * SECOND, 81_000);
        progress.sample(4 * SECOND, 121_000);
        progress.sample(5 * SECOND, 161_000);
        progress.sample(6 * SECOND, 201_000);

        assertThat(progress.thousandsPerSecond(201_000)).containsExactly(20L, 40L, 40L, 40L, 40L);
    }

    @Test
    void aRunThatNeverReachedItsEndHasOnlyTheFifthsItPassed() {
        ProgressByFifths progress = new ProgressByFifths();
        progress.sample(0, 0);
        progress.sample(SECOND, 50);

        assertThat(progress.thousandsPerSecond(100)).hasSize(2);
        assertThat(new ProgressByFifths().thousandsPerSecond(100)).isEmpty();
    }
}
