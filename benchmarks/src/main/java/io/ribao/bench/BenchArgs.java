package io.ribao.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} options of a benchmark's main, each with its default. */
public final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();

    public BenchArgs(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    public int integer(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
