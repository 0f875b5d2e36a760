package io.ribao.bulletin.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bulletin as JSON. The canonical form (properties and map keys sorted, dates as ISO strings, no whitespace)
 * is what is stored, frozen and hashed at approval, so the same content always gives the same SHA-256.
 */
public final class JsonRenderer {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public String render(BulletinContent content) {
        try {
            return CANONICAL.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulletin content cannot be written as JSON", e);
        }
    }

    /** The content as a JSON tree, for embedding in an API answer with its canonical field formats. */
    public JsonNode tree(BulletinContent content) {
        return CANONICAL.valueToTree(content);
    }

    public BulletinContent parse(String json) {
        try {
            return CANONICAL.readValue(json, BulletinContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored bulletin content is not valid JSON", e);
        }
    }

    /** Hex SHA-256 of the canonical JSON's UTF-8 bytes. */
    public String sha256(BulletinContent content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(render(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
