package io.ribao.registry;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory: the same schema gets the same id across subjects. For topology tests, where
 * records never leave the JVM; running services use {@link SchemaRegistry} implementations that speak HTTP. An unknown id
 * is refused as a registry answers it (404, 40403).
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final Map<Schema, Integer> idBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemaById = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        return idBySchema.computeIfAbsent(schema, s -> {
            int id = idBySchema.size() + 1;
            schemaById.put(id, s);
            return id;
        });
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemaById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, 40403, "Schema with id " + id + " not found.");
        }
        return schema;
    }
}
