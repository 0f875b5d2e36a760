package io.ribao.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ribao.registry.CompatibilityLevel;
import io.ribao.registry.RegisteredSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge of the registry: the documented subset of the Confluent Schema Registry REST API, mapped onto the
 * {@link SchemaStore}. Refusals answer {@code {"error_code","message"}}; paths outside the subset answer 404.
 */
final class RegistryRoutes implements HttpHandler {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Set<String> ACCEPTED_BODY_TYPES = Set.of(MEDIA_TYPE, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);

    private final SchemaStore store;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Route> routes;

    RegistryRoutes(SchemaStore store) {
        this.store = store;
        this.routes = List.of(
                new Route("GET", "", call -> json.createObjectNode()),
                new Route("GET", "subjects", call -> json.valueToTree(store.subjects())),
                new Route("POST", "subjects/*", call -> versionBody(store.lookup(call.param(0), schemaOf(call)))),
                new Route("GET", "subjects/*/versions", call -> json.valueToTree(store.versions(call.param(0)))),
                new Route("POST", "subjects/*/versions", call -> json.createObjectNode()
                        .put("id", store.register(call.param(0), schemaOf(call)).id())),
                new Route("GET", "subjects/*/versions/*",
                        call -> versionBody(store.version(call.param(0), call.param(1)))),
                new Route("GET", "subjects/*/versions/*/schema",
                        call -> readJson(store.version(call.param(0), call.param(1)).schema().toString())),
                new Route("GET", "schemas/ids/*", call -> json.createObjectNode()
                        .put("schema", store.schemaById(schemaId(call.param(0))).toString())),
                new Route("POST", "compatibility/subjects/*/versions/*", call -> json.createObjectNode()
                        .put("is_compatible", store.isCompatible(call.param(0), call.param(1), schemaOf(call)))),
                new Route("GET", "config", call -> levelBody(store.globalLevel())),
                new Route("PUT", "config", call -> changeLevel(null, call)),
                new Route("GET", "config/*", this::subjectLevel),
                new Route("PUT", "config/*", call -> changeLevel(call.param(0), call)));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                answer = answer(exchange);
            } catch (RegistryError e) {
                answer = new Answer(e.status(), error(e.errorCode(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                answer = new Answer(500, error(500, "Internal server error: " + e));
            }
            byte[] body = json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        String method = exchange.getRequestMethod();
        boolean pathKnown = false;
        for (Route route : routes) {
            if (!route.matches(path)) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                JsonNode body = "POST".equals(method) || "PUT".equals(method) ? body(exchange) : json.nullNode();
                Call call = new Call(route.params(path), query(exchange.getRequestURI().getRawQuery()), body);
                return new Answer(200, route.action().answer(call));
            }
        }
        return pathKnown
                ? new Answer(405, error(405, "HTTP 405 Method Not Allowed"))
                : new Answer(404, error(404, "HTTP 404 Not Found"));
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && !ACCEPTED_BODY_TYPES.contains(contentType.split(";")[0].trim().toLowerCase())) {
            throw new RegistryError(415, 415, "HTTP 415 Unsupported Media Type: " + contentType);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new RegistryError(400, 400, "Unparseable JSON body: " + e.getOriginalMessage());
        }
    }

    private JsonNode subjectLevel(Call call) {
        String subject = call.param(0);
        return store.subjectLevel(subject)
                .or(() -> "true".equals(call.query().get("defaultToGlobal"))
                        ? Optional.of(store.globalLevel())
                        : Optional.empty())
                .map(this::levelBody)
                .orElseThrow(() -> RegistryError.subjectNotFound(subject));
    }

    private JsonNode changeLevel(String subject, Call call) {
        String requested = call.body().path("compatibility").asText(null);
        CompatibilityLevel level = CompatibilityLevel.named(requested)
                .orElseThrow(() -> RegistryError.invalidCompatibilityLevel(requested));
        store.setLevel(subject, level);
        return json.createObjectNode().put("compatibility", level.name());
    }

    private static String schemaOf(Call call) {
        JsonNode body = call.body();
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw RegistryError.invalidSchema("schemaType " + type + " is not supported; only AVRO");
        }
        if (body.path("references").size() > 0) {
            throw RegistryError.invalidSchema("schema references are not supported");
        }
        JsonNode schema = body.path("schema");
        if (!schema.isTextual()) {
            throw RegistryError.invalidSchema("the body has no \"schema\" string");
        }
        return schema.asText();
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound("with id '" + text + "'");
        }
    }

    private JsonNode versionBody(RegisteredSchema registered) {
        return json.createObjectNode().put("subject", registered.subject()).put("id", registered.id())
                .put("version", registered.version()).put("schema", registered.schema().toString());
    }

    private JsonNode levelBody(CompatibilityLevel level) {
        return json.createObjectNode().put("compatibilityLevel", level.name());
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored schema is not JSON", e);
        }
    }

    private ObjectNode error(int code, String message) {
        return json.createObjectNode().put("error_code", code).put("message", message);
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                // A path keeps '+' literal; only %XX escapes are decoded.
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] nameValue = pair.split("=", 2);
                query.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private record Answer(int status, JsonNode body) {
    }

    private record Call(List<String> params, Map<String, String> query, JsonNode body) {
        String param(int index) {
            return params.get(index);
        }
    }

    private interface Action {
        JsonNode answer(Call call);
    }

    /** A method and a path template whose {@code *} segments are parameters. */
    private record Route(String method, String template, Action action) {

        private List<String> parts() {
            return template.isEmpty() ? List.of() : List.of(template.split("/"));
        }

        boolean matches(List<String> path) {
            List<String> parts = parts();
            if (parts.size() != path.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (!parts.get(i).equals("*") && !parts.get(i).equals(path.get(i))) {
                    return false;
                }
            }
            return true;
        }

        List<String> params(List<String> path) {
            List<String> params = new ArrayList<>();
            List<String> parts = parts();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).equals("*")) {
                    params.add(path.get(i));
                }
            }
            return params;
        }
    }
}
