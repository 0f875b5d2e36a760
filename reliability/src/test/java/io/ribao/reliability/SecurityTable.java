package io.ribao.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorization matrix of {@code docs/security.md}, parsed: the document is the specification the test runs.
 * A cell is one status, or {@code own / other}.
 */
public final class SecurityTable {

    public static final List<String> CALLERS = List.of("CLERK", "PRINCIPAL", "DELEGATE", "SUPERVISOR", "OFFICE",
            "DIRECTOR", "LEADER", "ADMIN", "no token", "bad token");

    /** Expected statuses of one endpoint, per caller column. */
    public record Row(String endpoint, Map<String, Expected> cells) {
    }

    public record Expected(int own, int other) {

        static Expected parse(String cell, String where) {
            String[] parts = cell.split("/");
            try {
                if (parts.length == 1) {
                    int status = Integer.parseInt(parts[0].strip());
                    return new Expected(status, status);
                }
                if (parts.length == 2) {
                    return new Expected(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": '" + cell + "' is not a status or 'own / other'", e);
            }
            throw new IllegalArgumentException(where + ": '" + cell + "' is not a status or 'own / other'");
        }
    }

    private SecurityTable() {
    }

    /** {@code docs/security.md} relative to the module directory, where Maven runs the tests. */
    public static List<Row> read() {
        Path doc = Path.of("..", "docs", "security.md");
        try {
            return parse(Files.readAllLines(doc, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + doc.toAbsolutePath(), e);
        }
    }

    static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                header = null; // a line outside a table ends it
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                if (cells.size() == CALLERS.size() + 1 && cells.get(0).equals("endpoint")
                        && cells.subList(1, cells.size()).equals(CALLERS)) {
                    header = cells;
                }
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            String endpoint = cells.get(0).replace("`", "").strip();
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("row '" + endpoint + "' has " + cells.size() + " cells, not "
                        + header.size());
            }
            Map<String, Expected> expected = new LinkedHashMap<>();
            for (int i = 1; i < cells.size(); i++) {
                expected.put(header.get(i), Expected.parse(cells.get(i), endpoint + " × " + header.get(i)));
            }
            rows.add(new Row(endpoint, expected));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("docs/security.md has no authorization matrix");
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }
}
