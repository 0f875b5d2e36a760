package io.ribao.bench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of the README's run command, read from the {@code ribao-local} script's {@code exec java} line, so
 * the stack benchmark measures the stack as users start it (heap, collector, compiler, code cache), not with flags of
 * its own.
 */
final class RunCommandFlags {

    private RunCommandFlags() {
    }

    static List<String> of(Path script) throws IOException {
        return parse(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** The options between {@code exec java} and the class path, continuation lines joined. */
    static List<String> parse(String script) {
        String joined = script.replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("exec java ")) {
                continue;
            }
            List<String> flags = new ArrayList<>();
            for (String token : trimmed.substring("exec java ".length()).trim().split("\\s+")) {
                if (token.equals("-cp") || token.equals("-classpath") || !token.startsWith("-")) {
                    return List.copyOf(flags);
                }
                flags.add(token);
            }
            return List.copyOf(flags);
        }
        throw new IllegalArgumentException("no 'exec java' line in the run script");
    }
}
