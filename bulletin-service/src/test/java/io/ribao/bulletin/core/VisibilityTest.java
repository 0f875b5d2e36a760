package io.ribao.bulletin.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.schemas.roster.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    private static RibaoPrincipal user(Role role, String unitId) {
        return new RibaoPrincipal("u-1", "某人", role, unitId, "demo-county");
    }

    @Test
    void theOfficeDirectorAndLeadersSeeEveryUnit() {
        for (Role role : List.of(Role.OFFICE, Role.DIRECTOR, Role.LEADER)) {
            assertThat(new Visibility(user(role, null), List.of()).sees("cp-x", List.of("county", "twn-a")))
                    .as(role.name()).isTrue();
        }
    }

    @Test
    void aSupervisorSeesItsUnitsAndWhatIsBelowThemOnly() {
        Visibility supervisor = new Visibility(user(Role.SUPERVISOR, null), List.of("twn-a"));

        assertThat(supervisor.sees("twn-a", List.of("county"))).isTrue();
        assertThat(supervisor.sees("cp-a1", List.of("county", "twn-a"))).isTrue();
        assertThat(supervisor.sees("twn-b", List.of("county"))).isFalse();
    }

    @Test
    void aPrincipalSeesItsSubtreeAndAClerkOnlyItsOwnUnit() {
        Visibility principal = new Visibility(user(Role.PRINCIPAL, "twn-a"), List.of());
        Visibility clerk = new Visibility(user(Role.CLERK, "twn-a"), List.of());

        assertThat(principal.sees("cp-a1", List.of("county", "twn-a"))).isTrue();
        assertThat(principal.sees("twn-b", List.of("county"))).isFalse();
        assertThat(clerk.sees("twn-a", List.of("county"))).isTrue();
        assertThat(clerk.sees("cp-a1", List.of("county", "twn-a"))).isFalse();
    }
}
