package io.ribao.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code config.yml} into {@link AggregationSettings}. {@code ${NAME:-default}} is replaced by the environment
 * variable NAME, or the default; {@code ${NAME}} without a default must be set. Unknown keys are refused by name.
 */
public final class AggregationConfig {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Set<String> KEYS = Set.of("bootstrapServers", "schemaRegistryUrl", "applicationId", "stateDir",
            "punctuationInterval", "numStreamThreads", "replicationFactor", "reportPartitions", "stateCacheMiB");

    private AggregationConfig() {
    }

    public static AggregationSettings load(Path file, UnaryOperator<String> environment) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), environment);
    }

    public static AggregationSettings parse(String yaml, UnaryOperator<String> environment) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(substitute(yaml, environment));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the configuration must be a YAML mapping");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown configuration key '" + name + "'; known: " + KEYS);
            }
        }
        AggregationSettings settings = AggregationSettings.of(required(root, "bootstrapServers"),
                required(root, "schemaRegistryUrl"), Path.of(required(root, "stateDir")));
        return new AggregationSettings(settings.bootstrapServers(), settings.schemaRegistryUrl(),
                text(root, "applicationId", AggregationSettings.DEFAULT_APPLICATION_ID), settings.stateDir(),
                duration(text(root, "punctuationInterval", "250ms")),
                number(root, "numStreamThreads", 1), number(root, "replicationFactor", 1),
                number(root, "reportPartitions", 0),
                number(root, "stateCacheMiB", AggregationSettings.DEFAULT_STATE_CACHE_MIB));
    }

    static String substitute(String text, UnaryOperator<String> environment) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                value = matcher.group(2);
            }
            if (value == null) {
                throw new IllegalArgumentException("environment variable " + matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** {@code 500ms}, {@code 1s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT1S}. */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            try {
                return Duration.parse(text.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("punctuationInterval: not a duration: " + text, e);
            }
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static String required(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw new IllegalArgumentException(key + ": is required");
        }
        return node.asText();
    }

    private static String text(JsonNode root, String key, String fallback) {
        JsonNode node = root.get(key);
        return node == null || node.isNull() || node.asText().isBlank() ? fallback : node.asText();
    }

    private static int number(JsonNode root, String key, int fallback) {
        String value = text(root, key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a whole number: " + value, e);
        }
    }
}
