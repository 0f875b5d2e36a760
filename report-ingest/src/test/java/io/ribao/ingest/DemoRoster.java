package io.ribao.ingest;

import io.ribao.ingest.roster.Roster;
import io.ribao.ingest.roster.RosterLoader;
import io.ribao.kit.roster.RosterView;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The demo roster of infra/local and its tokens: the fixture of most tests. */
public final class DemoRoster {

    public static final Path FILE = Path.of("..", "infra", "local", "demo-roster.yaml");
    public static final Path TOKENS = Path.of("..", "infra", "local", "demo-tokens.properties");

    private DemoRoster() {
    }

    public static String yaml() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Roster roster() {
        return new RosterLoader().load(yaml());
    }

    public static RosterView view() {
        Roster roster = roster();
        return RosterView.fixed(List.of(roster.jurisdiction()), roster.units(), roster.forms(), roster.users());
    }

    public static Properties tokens() {
        Properties tokens = new Properties();
        try (Reader reader = Files.newBufferedReader(TOKENS, StandardCharsets.UTF_8)) {
            tokens.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    public static String token(String userId) {
        String token = tokens().getProperty(userId);
        if (token == null) {
            throw new IllegalArgumentException("no demo token for " + userId);
        }
        return token;
    }
}
