package io.ribao.ingest.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.kit.roster.RosterView;
import java.util.List;
import org.junit.jupiter.api.Test;

class JurisdictionBoundaryTest {

    private static final RosterLoader LOADER = new RosterLoader();

    /** A small jurisdiction: a county, one township with its principal, a shared form, an admin. */
    private static String roster(String jurisdictionId, String townshipId, String principalId, String adminId,
                                 char hash) {
        return """
                jurisdiction: {id: %1$s, name: 县, timezone: Asia/Shanghai, office: 指挥部办公室}
                deadlines: {reminder: "15:30", submission: "16:30", bulletin: "18:00", amendDays: 3}
                forms:
                  - {id: township-daily, name: 乡镇日报, metrics: [{code: m0, name: 指标, min: 0}]}
                units:
                  - {id: %1$s, name: 县, kind: COUNTY, activeFrom: 2026-01-01}
                  - {id: %2$s, name: 镇, kind: TOWNSHIP, parent: %1$s, form: township-daily, principal: %3$s,
                     activeFrom: 2026-01-01}
                users:
                  - {id: %3$s, name: 书记, role: PRINCIPAL, unit: %2$s, tokenSha256: "%5$s"}
                  - {id: %4$s, name: 管理员, role: ADMIN, tokenSha256: "%6$s"}
                """.formatted(jurisdictionId, townshipId, principalId, adminId, String.valueOf(hash).repeat(64),
                String.valueOf((char) (hash + 1)).repeat(64));
    }

    private static final Roster DEMO = LOADER.load(roster("demo-county", "twn-tianbao", "u-tianbao-sj", "u-admin", 'a'));
    private static final JurisdictionBoundary BOUNDARY = new JurisdictionBoundary(RosterView.fixed(
            List.of(DEMO.jurisdiction()), DEMO.units(), DEMO.forms(), DEMO.users()));

    @Test
    void rosterNamingAnotherJurisdictionsUnitOrUserIsRefusedNamingEachEntry() {
        Roster other = LOADER.load(roster("other-county", "twn-tianbao", "u-other-sj", "u-admin", 'c'));

        assertThatThrownBy(() -> BOUNDARY.check(other)).isInstanceOfSatisfying(InvalidRosterException.class, e -> {
            assertThat(e.problems()).extracting(RosterProblem::toString).containsExactly(
                    "units[1].id: unit 'twn-tianbao' belongs to jurisdiction 'demo-county'",
                    "users[1].id: user 'u-admin' belongs to jurisdiction 'demo-county'");
            assertThat(e.problems().get(0).message().chinese()).isEqualTo("单位“twn-tianbao”属于辖区“demo-county”");
        });
    }

    @Test
    void reloadOfTheSameJurisdictionAndANewJurisdictionWithItsOwnIdsAndASharedFormPass() {
        Roster again = LOADER.load(roster("demo-county", "twn-tianbao", "u-tianbao-sj", "u-admin", 'e'));
        Roster other = LOADER.load(roster("other-county", "twn-other", "u-other-sj", "u-other-admin", 'c'));

        assertThatCode(() -> BOUNDARY.check(again)).doesNotThrowAnyException();
        assertThatCode(() -> BOUNDARY.check(other)).doesNotThrowAnyException();
    }
}
