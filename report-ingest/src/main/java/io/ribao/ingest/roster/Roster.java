package io.ribao.ingest.roster;

import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import java.util.List;

/**
 * A validated roster, already in the shape of the roster topics' records (ancestors and office computed); forms, units
 * and users in the order of the file's entries, one for one.
 */
public record Roster(Jurisdiction jurisdiction, List<Form> forms, List<Unit> units, List<User> users) {
}
