package io.ribao.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's YAML configuration shipped in this module, with {@code ${NAME:-default}} variables filled from the
 * stack's own values (ports, data paths, URLs) and written under the data directory for the service to load.
 */
public final class ConfigTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    private ConfigTemplate() {
    }

    public static String render(String template, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                value = m.group(0); // left for the service's own environment-variable substitution
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static Path write(String resource, Map<String, String> values, Path target) {
        try (InputStream in = ConfigTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing configuration resource " + resource);
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, render(new String(in.readAllBytes(), StandardCharsets.UTF_8), values));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
