package io.ribao.ingest.roster;

import java.util.List;
import java.util.stream.Collectors;

/** A roster that cannot be published, with every problem found (not just the first). */
public final class InvalidRosterException extends RuntimeException {

    private final List<RosterProblem> problems;

    public InvalidRosterException(List<RosterProblem> problems) {
        super("invalid roster: " + problems.stream().map(RosterProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RosterProblem> problems() {
        return problems;
    }
}
