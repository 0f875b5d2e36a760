package io.ribao.bulletin.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Instants in API bodies: ISO-8601 with the offset of the jurisdiction's wall clock (DESIGN.md §4, §8), so
 * 16:31 in Asia/Shanghai is {@code 2026-03-02T16:31:00+08:00}, never the same instant in UTC (decision 355).
 */
public final class Instants {

    private Instants() {
    }

    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
