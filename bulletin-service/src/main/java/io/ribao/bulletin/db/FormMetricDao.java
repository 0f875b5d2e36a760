package io.ribao.bulletin.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The roster's report forms' metrics (projected from {@code ribao.roster.forms}; decision 353). */
public interface FormMetricDao {

    record FormMetric(String code, String name) {
    }

    /** Form by form (by id: the topic does not keep the roster file's order of forms), each in its form's order. */
    @SqlQuery("SELECT code, name FROM form_metrics ORDER BY form_id, position")
    @RegisterConstructorMapper(FormMetric.class)
    List<FormMetric> inFormOrder();

    /**
     * The roster's name of every metric code, in form order; a code two forms name keeps its first name. Forms carry
     * no jurisdiction, so the names are every jurisdiction's.
     */
    default Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        inFormOrder().forEach(m -> names.putIfAbsent(m.code(), m.name()));
        return names;
    }
}
