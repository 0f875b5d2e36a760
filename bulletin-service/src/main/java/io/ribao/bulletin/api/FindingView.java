package io.ribao.bulletin.api;

/** A supervision finding and where its rectification stands. */
public record FindingView(String findingId, String reportedByUnitId, String unitId, String date, String problem,
                          String dueDate, String status, String rectification, String rectifiedAt) {
}
