package io.ribao.registry.server;

import io.ribao.registry.CompatibilityLevel;
import io.ribao.registry.RegisteredSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The registry's state and rules: subjects and their versions, global schema ids, compatibility levels. Every change
 * is written to the {@link SchemaLog} before it is applied, and the state is rebuilt from the log on start, so ids
 * and versions survive a restart. One store writes to a log at a time (a single registry instance).
 */
final class SchemaStore {

    private static final String LATEST = "latest";

    private final SchemaLog log;
    private final Map<String, TreeMap<Integer, SchemaLogEntry.Version>> versionsBySubject = new TreeMap<>();
    private final Map<Integer, Schema> schemaById = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, CompatibilityLevel> levelBySubject = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
    private int highestId;

    SchemaStore(SchemaLog log) {
        this.log = log;
        log.replay(this::apply);
    }

    /**
     * Registers {@code schemaText} under {@code subject}: the existing version when the subject already has this
     * schema, else a new version (after the compatibility check) whose id is the schema's global id.
     */
    synchronized RegisteredSchema register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        Optional<SchemaLogEntry.Version> existing = versionOf(subject, canonical);
        if (existing.isPresent()) {
            return registered(existing.get());
        }
        List<String> reasons = CompatibilityPolicy.incompatibilities(levelOf(subject), schema, schemasOf(subject));
        if (!reasons.isEmpty()) {
            throw RegistryError.incompatible("Schema being registered is incompatible with an earlier schema for "
                    + "subject '" + subject + "' under " + levelOf(subject) + ": " + String.join("; ", reasons));
        }
        int id = idByCanonical.getOrDefault(canonical, highestId + 1);
        TreeMap<Integer, SchemaLogEntry.Version> versions = versionsBySubject.get(subject);
        int version = versions == null ? 1 : versions.lastKey() + 1;
        SchemaLogEntry.Version entry = new SchemaLogEntry.Version(subject, version, id, canonical);
        log.append(entry);
        apply(entry);
        return registered(entry);
    }

    /** The version of {@code subject} that is {@code schemaText}. */
    synchronized RegisteredSchema lookup(String subject, String schemaText) {
        versionsOf(subject);
        Schema schema = parse(schemaText);
        return versionOf(subject, schema.toString()).map(this::registered)
                .orElseThrow(() -> RegistryError.schemaNotFound("under subject '" + subject + "'"));
    }

    synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    synchronized List<Integer> versions(String subject) {
        return List.copyOf(versionsOf(subject).keySet());
    }

    /** Version {@code version} (a number, {@code latest} or {@code -1}) of {@code subject}. */
    synchronized RegisteredSchema version(String subject, String version) {
        return registered(entryOf(subject, version));
    }

    synchronized Schema schemaById(int id) {
        Schema schema = schemaById.get(id);
        if (schema == null) {
            throw RegistryError.schemaNotFound("with id " + id);
        }
        return schema;
    }

    /**
     * Whether {@code schemaText} may follow version {@code version} of {@code subject} under the subject's level;
     * {@code latest} under a transitive level checks every version.
     */
    synchronized boolean isCompatible(String subject, String version, String schemaText) {
        SchemaLogEntry.Version against = entryOf(subject, version);
        Schema candidate = parse(schemaText);
        CompatibilityLevel level = levelOf(subject);
        List<Schema> existing = isLatest(version) && level.transitive()
                ? schemasOf(subject)
                : List.of(schemaById.get(against.id()));
        return CompatibilityPolicy.isCompatible(level, candidate, existing);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(levelBySubject.get(subject));
    }

    /** Sets the level of {@code subject}, or the global level when {@code subject} is null. */
    synchronized void setLevel(String subject, CompatibilityLevel level) {
        SchemaLogEntry.Config entry = new SchemaLogEntry.Config(subject, level);
        log.append(entry);
        apply(entry);
    }

    private void apply(SchemaLogEntry entry) {
        if (entry instanceof SchemaLogEntry.Version version) {
            versionsBySubject.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
            schemaById.computeIfAbsent(version.id(), id -> new Schema.Parser().parse(version.schema()));
            idByCanonical.putIfAbsent(schemaById.get(version.id()).toString(), version.id());
            highestId = Math.max(highestId, version.id());
        } else if (entry instanceof SchemaLogEntry.Config config) {
            if (config.subject() == null) {
                globalLevel = config.level();
            } else {
                levelBySubject.put(config.subject(), config.level());
            }
        }
    }

    private CompatibilityLevel levelOf(String subject) {
        return levelBySubject.getOrDefault(subject, globalLevel);
    }

    private TreeMap<Integer, SchemaLogEntry.Version> versionsOf(String subject) {
        TreeMap<Integer, SchemaLogEntry.Version> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    private List<Schema> schemasOf(String subject) {
        TreeMap<Integer, SchemaLogEntry.Version> versions = versionsBySubject.get(subject);
        List<Schema> schemas = new ArrayList<>();
        if (versions != null) {
            versions.values().forEach(v -> schemas.add(schemaById.get(v.id())));
        }
        return schemas;
    }

    private Optional<SchemaLogEntry.Version> versionOf(String subject, String canonical) {
        TreeMap<Integer, SchemaLogEntry.Version> versions = versionsBySubject.get(subject);
        Integer id = idByCanonical.get(canonical);
        if (versions == null || id == null) {
            return Optional.empty();
        }
        return versions.values().stream().filter(v -> v.id() == id).findFirst();
    }

    private SchemaLogEntry.Version entryOf(String subject, String version) {
        int number = versionNumber(version);
        TreeMap<Integer, SchemaLogEntry.Version> versions = versionsOf(subject);
        SchemaLogEntry.Version entry = number == -1 ? versions.lastEntry().getValue() : versions.get(number);
        if (entry == null) {
            throw RegistryError.versionNotFound(subject, number);
        }
        return entry;
    }

    private static boolean isLatest(String version) {
        return LATEST.equals(version) || "-1".equals(version);
    }

    private static int versionNumber(String version) {
        if (isLatest(version)) {
            return -1;
        }
        try {
            int number = Integer.parseInt(version);
            if (number < 1) {
                throw RegistryError.invalidVersion(version);
            }
            return number;
        } catch (NumberFormatException e) {
            throw RegistryError.invalidVersion(version);
        }
    }

    private RegisteredSchema registered(SchemaLogEntry.Version entry) {
        return new RegisteredSchema(entry.subject(), entry.id(), entry.version(), schemaById.get(entry.id()));
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("no schema given");
        }
        try {
            Schema schema = new Schema.Parser().parse(schemaText);
            // Rendering fails on a name that never resolved to a type (e.g. a misspelt "recrod"): still invalid input.
            schema.toString();
            return schema;
        } catch (AvroRuntimeException | IllegalArgumentException | NullPointerException e) {
            throw RegistryError.invalidSchema(String.valueOf(e.getMessage()));
        }
    }
}
