package io.ribao.ingest.roster;

import io.ribao.kit.i18n.Text;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every unit and user in the jurisdiction whose roster brought it: a roster may name its own jurisdiction's ids
 * and new ones, never one that another jurisdiction has in the {@link RosterView}. Published, such an entry would move
 * to the new jurisdiction, and the next reload of its own roster would remove it from both (decision 420). The
 * {@link RosterPublisher} checks it inside its transaction, on the view read up to what is committed (decision 423).
 * Forms carry no jurisdiction and may be shared.
 */
public final class JurisdictionBoundary {

    private final RosterView view;

    public JurisdictionBoundary(RosterView view) {
        this.view = view;
    }

    /** Throws {@link InvalidRosterException} naming every unit and user of the roster that another jurisdiction has. */
    public void check(Roster roster) {
        String own = roster.jurisdiction().getId();
        List<RosterProblem> problems = new ArrayList<>();
        // a loaded roster keeps the file's entries in order, one for one, so units.get(i) is units[i] of the file
        for (int i = 0; i < roster.units().size(); i++) {
            String id = roster.units().get(i).getId();
            Unit current = view.unit(id);
            if (current != null && !own.equals(current.getJurisdictionId())) {
                problems.add(new RosterProblem("units[" + i + "].id", Text.of(
                        "单位“" + id + "”属于辖区“" + current.getJurisdictionId() + "”",
                        "unit '" + id + "' belongs to jurisdiction '" + current.getJurisdictionId() + "'")));
            }
        }
        for (int i = 0; i < roster.users().size(); i++) {
            String id = roster.users().get(i).getId();
            User current = view.user(id);
            if (current != null && !own.equals(current.getJurisdictionId())) {
                problems.add(new RosterProblem("users[" + i + "].id", Text.of(
                        "用户“" + id + "”属于辖区“" + current.getJurisdictionId() + "”",
                        "user '" + id + "' belongs to jurisdiction '" + current.getJurisdictionId() + "'")));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRosterException(problems);
        }
    }
}
