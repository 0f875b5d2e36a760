package io.ribao.aggregation.day;

import io.ribao.schemas.roster.Jurisdiction;

/**
 * What a jurisdiction's day schedules are made of (DESIGN.md §4): its timezone, the reminder, submission and bulletin
 * times, and how many days a day stays open to amendment. A roster reload may change any of them; the deadlines of the
 * days already open then move (decision 207).
 */
public record DeadlineSettings(String timezone, String reminder, String submission, String bulletin, int amendDays) {

    public static DeadlineSettings of(Jurisdiction jurisdiction) {
        return new DeadlineSettings(jurisdiction.getTimezone(), jurisdiction.getReminder(), jurisdiction.getSubmission(),
                jurisdiction.getBulletin(), jurisdiction.getAmendDays());
    }

    /** One line, as a task keeps the settings it filed its deadlines with. */
    public String encode() {
        return String.join("|", timezone, reminder, submission, bulletin, Integer.toString(amendDays));
    }

    public static DeadlineSettings decode(String encoded) {
        String[] parts = encoded.split("\\|", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not deadline settings: " + encoded);
        }
        return new DeadlineSettings(parts[0], parts[1], parts[2], parts[3], Integer.parseInt(parts[4]));
    }
}
