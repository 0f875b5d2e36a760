package io.ribao.bulletin.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ProgressBar bar(boolean inPlace, int step) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("ribao.alerts", 40L);
        totals.put("ribao.reports", 60L);
        return new ProgressBar(totals, inPlace, step, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLineShowsTheOverallPercentAndEachTopicsReadOverTotal() {
        ProgressBar bar = bar(true, 10);

        bar.advance("ribao.alerts", 40);
        bar.advance("ribao.reports", 10);

        assertThat(bar.percent()).isEqualTo(50);
        assertThat(bar.render()).isEqualTo("rebuild [##########          ]  50%  alerts 40/40  reports 10/60");
        assertThat(bar.renderInPlace())
                .isEqualTo("rebuild [##########          ]  50%  reports 10/60  (1/2 topics done)");
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndEndedWhenFinished() {
        ProgressBar bar = bar(true, 10);

        bar.advance("ribao.alerts", 20);
        bar.advance("ribao.alerts", 20); // unchanged: not drawn again
        bar.advance("ribao.reports", 60);
        bar.finish();

        String[] draws = printed().split("\r", -1);
        assertThat(draws).hasSize(4); // "", 20%, 80%, final
        assertThat(draws[1]).endsWith("alerts 20/40  reports 0/60  (0/2 topics done)");
        assertThat(draws[2]).contains(" 80%  alerts 20/40  (1/2 topics done)").doesNotContain("\n");
        assertThat(draws[3]).contains(" 80%").endsWith("\n");
        // a shorter line is padded to cover the longer one it replaces
        assertThat(draws[2]).hasSameSizeAs(draws[1]);
    }

    @Test
    void elsewhereALineIsPrintedOnlyWhenThePercentPassesAnotherStep() {
        ProgressBar bar = bar(false, 25);

        bar.advance("ribao.alerts", 1);   //  1%: first line (step 0)
        bar.advance("ribao.alerts", 20);  // 20%: same step, nothing
        bar.advance("ribao.alerts", 30);  // 30%: step 1
        bar.advance("ribao.reports", 60); // 90%: step 3
        bar.advance("ribao.alerts", 40);  // 100%: step 4
        bar.finish();                     // already shown: nothing more

        assertThat(printed().lines().toList()).extracting(line -> line.substring(line.indexOf(']') + 1, line.indexOf('%')).trim())
                .containsExactly("1", "30", "90", "100");
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void readPastATotalCountsAsTheTotalAndNothingToReadIsComplete() {
        ProgressBar bar = bar(false, 10);
        bar.advance("ribao.alerts", 400);
        ProgressBar nothing = new ProgressBar(Map.of(), false, 10, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(bar.render()).contains("alerts 40/40");
        assertThat(nothing.percent()).isEqualTo(100);
        assertThatThrownBy(() -> bar.advance("ribao.unknown", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
