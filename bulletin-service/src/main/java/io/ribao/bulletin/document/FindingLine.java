package io.ribao.bulletin.document;

import java.time.LocalDate;

/** 四、a supervision finding and how far its rectification (整改) has gone. */
public record FindingLine(String findingId, String unitId, String unitName, String problem, LocalDate dueDate,
                          String status, String rectification) {
}
