package io.ribao.ingest.roster;

/** One thing wrong with a roster, at a path such as {@code units[3].parent}. */
public record RosterProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
