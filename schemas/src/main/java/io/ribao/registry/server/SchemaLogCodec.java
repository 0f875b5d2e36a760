package io.ribao.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ribao.registry.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Keys and values of the {@code _schemas} topic in the JSON layout Confluent's registry uses, so compaction keeps the
 * latest fact per subject/version or per config scope, and a topic written by either registry reads in the other.
 */
final class SchemaLogCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaLogCodec() {
    }

    static byte[] key(SchemaLogEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        if (entry instanceof SchemaLogEntry.Version version) {
            key.put("keytype", "SCHEMA").put("subject", version.subject()).put("version", version.version())
                    .put("magic", 1);
        } else if (entry instanceof SchemaLogEntry.Config config) {
            key.put("keytype", "CONFIG").put("subject", config.subject()).put("magic", 0);
        }
        return bytes(key);
    }

    static byte[] value(SchemaLogEntry entry) {
        ObjectNode value = JSON.createObjectNode();
        if (entry instanceof SchemaLogEntry.Version version) {
            value.put("subject", version.subject()).put("version", version.version()).put("id", version.id())
                    .put("schema", version.schema()).put("deleted", false);
        } else if (entry instanceof SchemaLogEntry.Config config) {
            value.put("compatibilityLevel", config.level().name());
        }
        return bytes(value);
    }

    /**
     * The entry of a record, empty for records this registry has no use for: tombstones, deleted versions, and key
     * types it does not keep (Confluent's NOOP, MODE, DELETE_SUBJECT…).
     */
    static Optional<SchemaLogEntry> decode(byte[] keyBytes, byte[] valueBytes) {
        if (keyBytes == null || valueBytes == null) {
            return Optional.empty();
        }
        JsonNode key = read(keyBytes);
        JsonNode value = read(valueBytes);
        switch (key.path("keytype").asText()) {
            case "SCHEMA":
                if (value.path("deleted").asBoolean(false)) {
                    return Optional.empty();
                }
                return Optional.of(new SchemaLogEntry.Version(value.path("subject").asText(),
                        value.path("version").asInt(), value.path("id").asInt(), value.path("schema").asText()));
            case "CONFIG":
                String subject = key.path("subject").isTextual() ? key.path("subject").asText() : null;
                return CompatibilityLevel.named(value.path("compatibilityLevel").asText(null))
                        .map(level -> new SchemaLogEntry.Config(subject, level));
            default:
                return Optional.empty();
        }
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable record in the schemas topic", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
