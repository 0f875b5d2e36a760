package io.ribao.aggregation.day;

/**
 * The moments of a reporting day that the wall clock triggers. The declaration order breaks ties between moments at
 * the same instant: the unit-level bulletin check runs before the day's snapshot is taken.
 */
public enum Deadline {
    REMINDER,
    SUBMISSION,
    BULLETIN,
    DAY_CLOSE,
    LOCK
}
