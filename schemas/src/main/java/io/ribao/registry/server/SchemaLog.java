package io.ribao.registry.server;

import java.util.function.Consumer;

/** The durable, ordered record of a registry's facts: replayed on start, appended to on every change. */
interface SchemaLog extends AutoCloseable {

    /** Hands every entry written so far to {@code apply}, oldest first. */
    void replay(Consumer<SchemaLogEntry> apply);

    /** Writes {@code entry} durably; returns once it is acknowledged, else throws a 50001 {@link RegistryError}. */
    void append(SchemaLogEntry entry);

    @Override
    void close();
}
