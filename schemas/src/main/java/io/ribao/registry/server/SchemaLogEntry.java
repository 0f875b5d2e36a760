package io.ribao.registry.server;

import io.ribao.registry.CompatibilityLevel;

/** One durable fact of the registry, as kept in the {@code _schemas} topic. */
sealed interface SchemaLogEntry {

    /** Version {@code version} of {@code subject} is the schema with global id {@code id}. */
    record Version(String subject, int version, int id, String schema) implements SchemaLogEntry {
    }

    /** The compatibility level of {@code subject}, or the global one when {@code subject} is null. */
    record Config(String subject, CompatibilityLevel level) implements SchemaLogEntry {
    }
}
