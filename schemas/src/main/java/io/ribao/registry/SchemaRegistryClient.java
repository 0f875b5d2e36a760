package io.ribao.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (the subset Ribao uses: register, get by id, lookup, versions,
 * compatibility, config), with the usual caches: a schema's id per subject, and schemas by id (ids never change
 * meaning). A refusal throws {@link SchemaRegistryException} with the HTTP status and Confluent's error code.
 */
public final class SchemaRegistryClient implements SchemaRegistry {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String LATEST = "latest";

    private final String baseUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idBySubjectAndSchema.computeIfAbsent(subject + "\n" + schema, k -> {
            JsonNode answer = call("POST", subjectPath(subject) + "/versions", schemaBody(schema));
            int id = answer.get("id").asInt();
            schemaById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemaById.computeIfAbsent(id, k -> {
            JsonNode answer = call("GET", "/schemas/ids/" + id, null);
            return new Schema.Parser().parse(answer.get("schema").asText());
        });
    }

    /** The version of {@code subject} that is {@code schema}; 40401 when no such subject, 40403 when not under it. */
    public RegisteredSchema lookup(String subject, Schema schema) {
        return registered(call("POST", subjectPath(subject), schemaBody(schema)));
    }

    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null).forEach(subject -> subjects.add(subject.asText()));
        return subjects;
    }

    /** The version numbers of {@code subject}, oldest first. */
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        call("GET", subjectPath(subject) + "/versions", null).forEach(version -> versions.add(version.asInt()));
        return versions;
    }

    public RegisteredSchema version(String subject, int version) {
        return registered(call("GET", subjectPath(subject) + "/versions/" + version, null));
    }

    public RegisteredSchema latest(String subject) {
        return registered(call("GET", subjectPath(subject) + "/versions/" + LATEST, null));
    }

    /** Whether {@code schema} may follow version {@code version} of {@code subject} under the subject's level. */
    public boolean isCompatible(String subject, int version, Schema schema) {
        return compatible(subject, String.valueOf(version), schema);
    }

    /** Whether {@code schema} may follow the latest version of {@code subject} (every version, if transitive). */
    public boolean isCompatibleWithLatest(String subject, Schema schema) {
        return compatible(subject, LATEST, schema);
    }

    public CompatibilityLevel globalCompatibility() {
        return level(call("GET", "/config", null));
    }

    public void setGlobalCompatibility(CompatibilityLevel level) {
        call("PUT", "/config", levelBody(level));
    }

    /** The level set on {@code subject} itself; empty when it follows the global level. */
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        try {
            return Optional.of(level(call("GET", "/config/" + encode(subject), null)));
        } catch (SchemaRegistryException e) {
            // Confluent answers 40408 (newer) or 40401 (older, and ours) for a subject without its own level.
            if (e.errorCode() == 40401 || e.errorCode() == 40408) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        call("PUT", "/config/" + encode(subject), levelBody(level));
    }

    private boolean compatible(String subject, String version, Schema schema) {
        return call("POST", "/compatibility" + subjectPath(subject) + "/versions/" + version, schemaBody(schema))
                .path("is_compatible").asBoolean();
    }

    private RegisteredSchema registered(JsonNode answer) {
        int id = answer.get("id").asInt();
        Schema schema = schemaById.computeIfAbsent(id, k -> new Schema.Parser().parse(answer.get("schema").asText()));
        return new RegisteredSchema(answer.get("subject").asText(), id, answer.get("version").asInt(), schema);
    }

    private CompatibilityLevel level(JsonNode answer) {
        String name = answer.path("compatibilityLevel").asText(answer.path("compatibility").asText());
        return CompatibilityLevel.named(name).orElseThrow(() ->
                new SchemaRegistryException(502, 50002, "schema registry answered an unknown level '" + name + "'"));
    }

    private String schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString()).toString();
    }

    private String levelBody(CompatibilityLevel level) {
        return json.createObjectNode().put("compatibility", level.name()).toString();
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", MEDIA_TYPE);
        if (body != null) {
            request.header("Content-Type", MEDIA_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException(503, 50003, "schema registry at " + baseUrl + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(503, 50003, "interrupted while calling the schema registry");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(response.statusCode(),
                    answer.path("error_code").asInt(response.statusCode()),
                    answer.path("message").asText(method + " " + path + " answered " + response.statusCode()));
        }
        return answer;
    }

    /** The JSON of an answer; a body that is not JSON (a proxy's error page) reads as missing. */
    private JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + encode(subject);
    }

    /** Percent-encodes a path segment ({@link URLEncoder} writes form encoding, where a space is '+'). */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
