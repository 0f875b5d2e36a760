package io.ribao.bulletin.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Display names of a jurisdiction's metrics by code, in display order, for the codes the roster's forms do not name:
 * the drafter takes the forms' names first ({@link #rosterFirst}). The default reads the domain's known names from
 * {@code bulletin/metric-names.properties}.
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

    /** The roster's names in the roster's order, then the fallback's for codes the roster does not name. */
    static Map<String, String> rosterFirst(Map<String, String> roster, Map<String, String> fallback) {
        Map<String, String> names = new LinkedHashMap<>(roster);
        fallback.forEach(names::putIfAbsent);
        return Collections.unmodifiableMap(names);
    }
}
