package io.ribao.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry a service is configured with: an {@code http(s)://} URL names a server of the Confluent API (the
 * embedded one or a real one); {@code mem://NAME} names a registry held in this JVM, shared by name, for tests that
 * keep every record inside one process.
 */
public final class SchemaRegistries {

    private static final Map<String, SchemaRegistry> IN_MEMORY = new ConcurrentHashMap<>();

    private SchemaRegistries() {
    }

    public static SchemaRegistry forUrl(String url) {
        if (url.startsWith("mem://")) {
            return IN_MEMORY.computeIfAbsent(url, u -> new InMemorySchemaRegistry());
        }
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return new SchemaRegistryClient(url);
        }
        throw new IllegalArgumentException("schema registry URL must be http(s):// or mem://, not " + url);
    }
}
