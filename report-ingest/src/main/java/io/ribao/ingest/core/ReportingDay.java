package io.ribao.ingest.core;

import io.ribao.schemas.roster.Jurisdiction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The reporting calendar of one jurisdiction (DESIGN.md §4), all in its wall-clock time: day D opens at 00:00,
 * is due at the submission deadline, is snapshotted at the bulletin deadline, and locks once D + amendDays is over.
 */
public final class ReportingDay {

    private final ZoneId zone;
    private final LocalTime submission;
    private final LocalTime bulletin;
    private final int amendDays;

    public ReportingDay(ZoneId zone, LocalTime submission, LocalTime bulletin, int amendDays) {
        this.zone = zone;
        this.submission = submission;
        this.bulletin = bulletin;
        this.amendDays = amendDays;
    }

    public static ReportingDay of(Jurisdiction jurisdiction) {
        return new ReportingDay(ZoneId.of(jurisdiction.getTimezone()), LocalTime.parse(jurisdiction.getSubmission()),
                LocalTime.parse(jurisdiction.getBulletin()), jurisdiction.getAmendDays());
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    public boolean notYetOpen(LocalDate day, Instant now) {
        return day.isAfter(today(now));
    }

    /** Reports for D are accepted through the whole of day D + amendDays, and refused from the next midnight. */
    public boolean locked(LocalDate day, Instant now) {
        return today(now).isAfter(day.plusDays(amendDays));
    }

    /** When day D begins: 00:00 in the jurisdiction's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant submissionDeadline(LocalDate day) {
        return day.atTime(submission).atZone(zone).toInstant();
    }

    public Instant bulletinDeadline(LocalDate day) {
        return day.atTime(bulletin).atZone(zone).toInstant();
    }

    public Timeliness timelinessOf(LocalDate day, Instant signedAt) {
        return signedAt.isAfter(submissionDeadline(day)) ? Timeliness.LATE : Timeliness.ON_TIME;
    }

    /** After the bulletin deadline: the report goes into the next bulletin's addendum. */
    public boolean afterCutoff(LocalDate day, Instant at) {
        return at.isAfter(bulletinDeadline(day));
    }

    public int amendDays() {
        return amendDays;
    }

    public ZoneId zone() {
        return zone;
    }

    /** ISO-8601 with the jurisdiction's offset, e.g. {@code 2026-03-02T16:05:00+08:00}. */
    public String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
