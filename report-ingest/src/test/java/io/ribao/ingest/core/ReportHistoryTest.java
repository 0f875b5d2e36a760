package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.ingest.DemoRoster;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import org.junit.jupiter.api.Test;

/** Who reads a unit's revisions (DESIGN.md §3, §9). */
class ReportHistoryTest {

    private final RosterView roster = DemoRoster.view();
    private final ReportHistory history = new ReportHistory(roster, new ReportIndex(), null);
    private final Unit township = roster.unit("twn-tianbao");

    @Test
    void theOfficeDirectorAndLeadersReadTheUnitsOfTheirOwnJurisdictionOnly() {
        for (Role role : new Role[] {Role.OFFICE, Role.DIRECTOR, Role.LEADER}) {
            assertThat(history.mayRead(new RibaoPrincipal("u-1", "甲", role, null, "demo-county"), township))
                    .as("%s of the county", role).isTrue();
            assertThat(history.mayRead(new RibaoPrincipal("u-2", "乙", role, null, "other-county"), township))
                    .as("%s of another county", role).isFalse();
        }
    }

    @Test
    void aUnitsOwnPeopleAndItsSupervisorsReadIt() {
        assertThat(history.mayRead(new RibaoPrincipal("u-tianbao-clerk", "丙", Role.CLERK, "twn-tianbao",
                "demo-county"), township)).isTrue();
        String supervisor = township.getSupervisorIds().get(0);
        assertThat(history.mayRead(new RibaoPrincipal(supervisor, "丁", Role.SUPERVISOR, null, "demo-county"),
                township)).isTrue();
        assertThat(history.mayRead(new RibaoPrincipal("u-donggan-clerk", "戊", Role.CLERK, "twn-donggan",
                "demo-county"), township)).isFalse();
    }
}
