package io.ribao.reliability;

import io.ribao.kit.auth.TokenDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test roster ({@code roster/test-roster.yaml}) with a fresh 256-bit token minted for every user, only the
 * hashes written into the YAML, and the delegates' granted date set to the day under test.
 */
public record TestRoster(Path file, String yaml, Map<String, String> tokens, LocalDate today) {

    private static final Pattern HASH = Pattern.compile("\\$\\{SHA_([a-z0-9-]+)}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static TestRoster write(Path dir, LocalDate today) {
        String template = resource("/roster/test-roster.yaml").replace("${TODAY}", today.toString());
        Map<String, String> tokens = new LinkedHashMap<>();
        Matcher m = HASH.matcher(template);
        StringBuilder yaml = new StringBuilder();
        while (m.find()) {
            String token = mint();
            tokens.put(m.group(1), token);
            m.appendReplacement(yaml, TokenDigest.sha256Hex(token));
        }
        m.appendTail(yaml);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("test-roster.yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return new TestRoster(file, yaml.toString(), Map.copyOf(tokens), today);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String token(String userId) {
        String token = tokens.get(userId);
        if (token == null) {
            throw new IllegalArgumentException("the test roster has no user " + userId);
        }
        return token;
    }

    /** A token of the same shape that belongs to nobody. */
    public static String mint() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String resource(String name) {
        try (InputStream in = TestRoster.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
