package io.ribao.ingest.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A report's content after validation against its unit's form: every metric of the form has a value. */
public record ValidatedReport(String unitId, LocalDate date, boolean zeroReport, Map<String, Long> metrics,
                              String narrative, List<FindingContent> findings) {

    public record FindingContent(String unitId, String problem, LocalDate dueDate) {
    }
}
