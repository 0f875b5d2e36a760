package io.ribao.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void medianOfAnOddNumberOfRunsIsTheMiddleOne() {
        Samples samples = new Samples("x", "ms");
        samples.add(30);
        samples.add(10);
        samples.add(20);

        assertThat(samples.median()).isEqualTo(20.0);
    }

    @Test
    void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        Samples samples = new Samples("x", "ms");
        samples.add(4);
        samples.add(1);
        samples.add(3);
        samples.add(2);

        assertThat(samples.median()).isEqualTo(2.5);
        assertThat(samples.summary()).isEqualTo("x: median 2.5 ms (runs: 4.0, 1.0, 3.0, 2.0)");
    }

    @Test
    void noRunsHaveNoMedian() {
        assertThatThrownBy(() -> new Samples("x", "ms").median()).isInstanceOf(IllegalStateException.class);
    }
}
