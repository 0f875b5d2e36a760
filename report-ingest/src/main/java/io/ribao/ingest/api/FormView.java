package io.ribao.ingest.api;

import io.ribao.schemas.roster.Form;
import java.util.List;

/** A form as the clerk web form renders it: metric labels, limits, checks. */
public record FormView(String id, String name, List<MetricView> metrics, List<String> checks) {

    public record MetricView(String code, String name, long min, Long max, boolean required) {
    }

    /**
     * The form with the limits the service enforces: a metric the roster gives no maximum is shown with
     * {@code defaultMax}, so that the web form refuses what the service would refuse.
     */
    public static FormView of(Form form, long defaultMax) {
        return new FormView(form.getId(), form.getName(), form.getMetrics().stream()
                .map(m -> new MetricView(m.getCode(), m.getName(), m.getMin(),
                        m.getMax() == null ? defaultMax : m.getMax(), m.getRequired()))
                .toList(), List.copyOf(form.getChecks()));
    }
}
