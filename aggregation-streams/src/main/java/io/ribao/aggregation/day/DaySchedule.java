package io.ribao.aggregation.day;

import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.roster.Jurisdiction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The instants of one reporting day in a jurisdiction: deadlines are wall-clock times in its timezone. */
public record DaySchedule(LocalDate date, ZoneId zone, Instant opens, Instant reminder, Instant submission,
                          Instant bulletin, Instant locks) {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    public static DaySchedule of(Jurisdiction jurisdiction, LocalDate date) {
        return of(DeadlineSettings.of(jurisdiction), date);
    }

    public static DaySchedule of(DeadlineSettings settings, LocalDate date) {
        ZoneId zone = ZoneId.of(settings.timezone());
        return new DaySchedule(date, zone,
                date.atStartOfDay(zone).toInstant(),
                at(date, settings.reminder(), zone),
                at(date, settings.submission(), zone),
                at(date, settings.bulletin(), zone),
                // Reports for D are accepted through the whole of D + amendDays (report-ingest's DAY_LOCKED rule).
                date.plusDays(settings.amendDays() + 1L).atStartOfDay(zone).toInstant());
    }

    /** The reporting day that is current at {@code now} in the jurisdiction's timezone. */
    public static LocalDate today(Jurisdiction jurisdiction, Instant now) {
        return now.atZone(ZoneId.of(jurisdiction.getTimezone())).toLocalDate();
    }

    /**
     * Whether report-ingest took the report before the day locked: its last step (the signature, or the submission of an
     * unsigned revision) came before {@link #locks}.
     */
    public boolean tookBeforeLock(ReportEvent report) {
        Instant signedAt = report.getSignedAt();
        Instant taken = signedAt != null && signedAt.isAfter(report.getSubmittedAt()) ? signedAt : report.getSubmittedAt();
        return taken.isBefore(locks);
    }

    public Instant at(Deadline deadline) {
        return switch (deadline) {
            case REMINDER -> reminder;
            case SUBMISSION -> submission;
            case BULLETIN, DAY_CLOSE -> bulletin;
            case LOCK -> locks;
        };
    }

    /** A wall-clock time as people in the jurisdiction read it, e.g. {@code 16:30}. */
    public String localTime(Instant instant) {
        return LOCAL_TIME.format(instant.atZone(zone));
    }

    /** An instant with the jurisdiction's offset, for evidence. */
    public String localDateTime(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private static Instant at(LocalDate date, String time, ZoneId zone) {
        return date.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }
}
