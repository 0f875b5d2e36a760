package io.ribao.bulletin.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoweredMetricsTest {

    private static Map<String, Object> change(String code, int from, int to) {
        return Map.of("code", code, "from", from, "to", to);
    }

    @Test
    void aLoweredMetricIsNamedAsTheRosterNamesItThenAsTheKnownNamesDo() {
        Map<String, String> roster = Map.of("persons_isolated", "转运隔离人员数", "staff_on_duty", "在岗人数");
        Map<String, String> known = Map.of("persons_isolated", "转运隔离人数", "vaccine_doses", "疫苗接种剂次");

        List<Map<String, Object>> named = LoweredMetrics.named(List.of(change("persons_isolated", 30, 10),
                change("vaccine_doses", 500, 420), change("staff_on_duty", 12, 9)), roster, known);

        assertThat(named).extracting(c -> c.get("name")).containsExactly("转运隔离人员数", "疫苗接种剂次", "在岗人数");
        assertThat(named.get(0)).containsEntry("code", "persons_isolated").containsEntry("from", 30)
                .containsEntry("to", 10);
    }

    @Test
    void aCodeNoOneNamesKeepsItsCodeAndANullName() {
        List<Map<String, Object>> named = LoweredMetrics.named(List.of(change("mystery_metric", 3, 1)), Map.of(),
                Map.of());

        Map<String, Object> expected = new HashMap<>(change("mystery_metric", 3, 1));
        expected.put("name", null);
        assertThat(named).containsExactly(expected);
    }
}
