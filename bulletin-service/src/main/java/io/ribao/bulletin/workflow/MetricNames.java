package io.ribao.bulletin.workflow;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Display names of a jurisdiction's metrics by code, in display order. The application may pass one reading the
 * roster's forms; the default reads the domain's known names from {@code bulletin/metric-names.properties}.
 */
@FunctionalInterface
public interface MetricNames {

    Map<String, String> of(String jurisdictionId);

    static MetricNames known() {
        ResourceBundle bundle = ResourceBundle.getBundle("bulletin.metric-names", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> names = new TreeMap<>();
        bundle.keySet().forEach(code -> names.put(code, bundle.getString(code)));
        Map<String, String> frozen = Collections.unmodifiableMap(names);
        return jurisdictionId -> frozen;
    }
}
