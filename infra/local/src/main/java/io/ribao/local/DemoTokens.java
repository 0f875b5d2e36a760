package io.ribao.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The demo users' bearer tokens, kept beside the demo roster in {@code demo-tokens.properties} (the roster itself
 * holds only their SHA-256). Printed at start-up so a person can try the stack; a real roster has no such file.
 */
public final class DemoTokens {

    public static final String FILE_NAME = "demo-tokens.properties";

    private DemoTokens() {
    }

    /** userId → token, sorted; empty when the roster has no tokens file beside it. */
    public static Map<String, String> besideRoster(Path roster) {
        Path file = roster.toAbsolutePath().resolveSibling(FILE_NAME);
        Map<String, String> tokens = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return tokens;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        props.stringPropertyNames().forEach(user -> tokens.put(user, props.getProperty(user)));
        return tokens;
    }
}
