package io.ribao.ingest.api;

import io.ribao.schemas.roster.Form;
import java.util.List;

/** A form as the clerk web form renders it: metric labels, limits, checks. */
public record FormView(String id, String name, List<MetricView> metrics, List<String> checks) {

    public record MetricView(String code, String name, long min, Long max, boolean required) {
    }

    public static FormView of(Form form) {
        return new FormView(form.getId(), form.getName(), form.getMetrics().stream()
                .map(m -> new MetricView(m.getCode(), m.getName(), m.getMin(), m.getMax(), m.getRequired()))
                .toList(), List.copyOf(form.getChecks()));
    }
}
