package io.ribao.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hostile request of the corpus ({@code corpus/*.jsonl}, written by {@code src/test/corpus/generate_corpus.py}):
 * what to send, as whom, and which 4xx statuses are a right answer.
 */
public record CorpusEntry(String file, String name, String method, String path, String as, String contentType,
                          byte[] rawBody, String body, List<String[]> rosterReplace, Map<String, List<Object>> expand,
                          Map<String, String> headers, List<Integer> expect, String field) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<CorpusEntry> load(String file) {
        List<CorpusEntry> entries = new ArrayList<>();
        try (InputStream in = CorpusEntry.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("corpus/" + file + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    entries.add(of(file, JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus/" + file, e);
        }
        return entries;
    }

    private static CorpusEntry of(String file, JsonNode e) {
        List<String[]> replace = null;
        if (e.has("rosterReplace")) {
            replace = new ArrayList<>();
            for (JsonNode pair : e.get("rosterReplace")) {
                replace.add(new String[] {pair.get(0).asText(), pair.get(1).asText()});
            }
        }
        Map<String, List<Object>> expand = new LinkedHashMap<>();
        e.path("expand").properties().forEach(f ->
                expand.put(f.getKey(), List.of(f.getValue().get(0).asText(), f.getValue().get(1).asInt())));
        Map<String, String> headers = new LinkedHashMap<>();
        e.path("headers").properties().forEach(f -> headers.put(f.getKey(), f.getValue().asText()));
        List<Integer> expect = new ArrayList<>();
        e.get("expect").forEach(s -> expect.add(s.asInt()));
        return new CorpusEntry(file, e.get("name").asText(), e.get("method").asText(), e.get("path").asText(),
                e.get("as").asText(), e.path("contentType").isNull() ? null : e.path("contentType").asText(null),
                e.has("bodyBase64") ? Base64.getDecoder().decode(e.get("bodyBase64").asText()) : null,
                e.has("body") ? e.get("body").asText() : null, replace, expand, headers, List.copyOf(expect),
                e.has("field") ? e.get("field").asText() : null);
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }
}
