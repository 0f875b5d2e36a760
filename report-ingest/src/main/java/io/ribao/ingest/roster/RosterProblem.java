package io.ribao.ingest.roster;

import io.ribao.kit.i18n.Text;

/** One thing wrong with a roster, at a path such as {@code units[3].parent}, told in Chinese and English. */
public record RosterProblem(String path, Text message) {

    @Override
    public String toString() {
        return path + ": " + message.english();
    }
}
