package io.ribao.bulletin.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricNamesTest {

    @Test
    void theRostersNamesComeFirstInTheirOrderAndWinAndTheKnownNamesFillInTheRest() {
        Map<String, String> roster = new LinkedHashMap<>();
        roster.put("staff_on_duty", "在岗值守人数");
        roster.put("temperature_checks", "体温监测人数");
        roster.put("issues_found", "发现问题数");

        Map<String, String> names = MetricNames.rosterFirst(roster, MetricNames.known().of("demo-county"));

        assertThat(names).containsKeys("vaccine_doses", "centralized_isolation");
        assertThat(names.keySet()).startsWith("staff_on_duty", "temperature_checks", "issues_found");
        assertThat(names).containsEntry("temperature_checks", "体温监测人数")
                .containsEntry("vaccine_doses", "疫苗接种剂次");
    }

    @Test
    void withoutTheRostersFormsTheKnownNamesAreAllThereIs() {
        assertThat(MetricNames.rosterFirst(Map.of(), MetricNames.known().of("demo-county")))
                .isEqualTo(MetricNames.known().of("demo-county"));
    }
}
