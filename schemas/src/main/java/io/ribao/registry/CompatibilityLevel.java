package io.ribao.registry;

import java.util.Optional;

/**
 * How a new version of a subject must relate to the versions before it (the Confluent names). BACKWARD: consumers
 * using the new schema read data written with the last one; FORWARD: consumers on the last schema read data written
 * with the new one; FULL: both. The {@code _TRANSITIVE} forms check every earlier version, not only the last.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The level a registry starts with, as Confluent's does. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Whether a reader with the new schema must read data written with earlier ones. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** Whether readers with earlier schemas must read data written with the new one. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** Whether every earlier version is checked, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** The level of a name as the API spells it (case-insensitive), empty when there is no such level. */
    public static Optional<CompatibilityLevel> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (CompatibilityLevel level : values()) {
            if (level.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
