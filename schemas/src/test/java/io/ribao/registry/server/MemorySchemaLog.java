package io.ribao.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A schema log held in a list, for tests of the store and the HTTP edge; it can be told to refuse writes. */
final class MemorySchemaLog implements SchemaLog {

    private final List<SchemaLogEntry> entries = new ArrayList<>();
    private boolean refusingWrites;

    @Override
    public synchronized void replay(Consumer<SchemaLogEntry> apply) {
        entries.forEach(apply);
    }

    @Override
    public synchronized void append(SchemaLogEntry entry) {
        if (refusingWrites) {
            throw RegistryError.storeError("the test log refuses writes", new IllegalStateException("refused"));
        }
        entries.add(entry);
    }

    synchronized void refuseWrites() {
        refusingWrites = true;
    }

    synchronized List<SchemaLogEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() {
        // Nothing to release: the entries stay readable so a second store can replay them (a "restart").
    }
}
