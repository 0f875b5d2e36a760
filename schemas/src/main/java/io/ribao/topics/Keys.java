package io.ribao.topics;

import java.time.LocalDate;

/** The composite string keys of the catalogue: {@code unitId/date}, {@code nodeId/date}, {@code jurisdiction/date}. */
public final class Keys {

    private Keys() {
    }

    public static String ofDay(String id, LocalDate date) {
        return id + "/" + date;
    }

    public static String idOf(String dayKey) {
        return dayKey.substring(0, dayKey.lastIndexOf('/'));
    }

    public static LocalDate dateOf(String dayKey) {
        return LocalDate.parse(dayKey.substring(dayKey.lastIndexOf('/') + 1));
    }
}
