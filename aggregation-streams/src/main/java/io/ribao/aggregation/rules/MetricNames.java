package io.ribao.aggregation.rules;

import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.MetricDefinition;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The forms' names of metric codes (实名登记人数 for persons_registered), so messages read as the forms do. */
public record MetricNames(Map<String, String> byCode) {

    public static final MetricNames CODES_ONLY = new MetricNames(Map.of());

    public MetricNames {
        byCode = Map.copyOf(byCode);
    }

    public static MetricNames of(Collection<Form> forms) {
        Map<String, String> names = new HashMap<>();
        for (Form form : forms) {
            for (MetricDefinition metric : form.getMetrics()) {
                names.putIfAbsent(metric.getCode(), metric.getName());
            }
        }
        return new MetricNames(names);
    }

    /** The name, or the code itself where no form names it. */
    public String nameOf(String code) {
        return byCode.getOrDefault(code, code);
    }
}
