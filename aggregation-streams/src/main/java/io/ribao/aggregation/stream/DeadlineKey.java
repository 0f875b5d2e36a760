package io.ribao.aggregation.stream;

import io.ribao.aggregation.day.Deadline;
import java.time.Instant;

/**
 * Keys of the deadline store: {@code <epoch millis, 15 digits>|<kind ordinal>|<subject>}, so the byte order of keys is
 * the order of due time and a range scan from the start up to "now" returns exactly what is due. The subject is a
 * {@code unitId/date} key, or {@code jurisdictionId/date} for the day's snapshot.
 */
public record DeadlineKey(Instant due, Deadline kind, String subject) {

    private static final String FIRST = "000000000000000";

    public String encode() {
        return String.format("%015d|%d|%s", due.toEpochMilli(), kind.ordinal(), subject);
    }

    public static DeadlineKey decode(String key) {
        int first = key.indexOf('|');
        int second = key.indexOf('|', first + 1);
        return new DeadlineKey(Instant.ofEpochMilli(Long.parseLong(key.substring(0, first))),
                Deadline.values()[Integer.parseInt(key.substring(first + 1, second))],
                key.substring(second + 1));
    }

    /** The lowest possible key. */
    public static String start() {
        return FIRST;
    }

    /** A key below every entry due after {@code epochMillis} and above every entry due at or before it. */
    public static String after(long epochMillis) {
        return String.format("%015d", epochMillis + 1);
    }

    /** A key above every entry due at or before {@code now} and below every later one ('~' sorts after '|' digits). */
    public static String endAt(Instant now) {
        return String.format("%015d|~", now.toEpochMilli());
    }
}
