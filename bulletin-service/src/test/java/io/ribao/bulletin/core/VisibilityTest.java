package io.ribao.bulletin.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.schemas.roster.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    private static final String HERE = "demo-county";
    private static final String OTHER = "other-county";
    private static final List<Role> WHOLE_JURISDICTION = List.of(Role.OFFICE, Role.DIRECTOR, Role.LEADER,
            Role.ADMIN);

    private static RibaoPrincipal user(Role role, String unitId) {
        return new RibaoPrincipal("u-1", "某人", role, unitId, HERE);
    }

    @Test
    void theOfficeDirectorLeadersAndAdminSeeEveryUnitOfTheirOwnJurisdictionOnly() {
        for (Role role : WHOLE_JURISDICTION) {
            Visibility visibility = new Visibility(user(role, null), List.of());

            assertThat(visibility.sees(HERE, "cp-x", List.of("county", "twn-a"))).as(role.name()).isTrue();
            assertThat(visibility.seesEveryUnitOf(HERE)).as(role.name()).isTrue();
            assertThat(visibility.sees(OTHER, "cp-y", List.of("other", "twn-b"))).as(role.name()).isFalse();
            assertThat(visibility.seesEveryUnitOf(OTHER)).as(role.name()).isFalse();
            assertThat(visibility.seesJurisdiction(OTHER)).as(role.name()).isFalse();
            assertThat(visibility.jurisdictionScope()).as(role.name()).isEqualTo(HERE);
        }
    }

    @Test
    void aCallerWithoutAJurisdictionKeepsEveryJurisdictionInScope() {
        Visibility office = new Visibility(new RibaoPrincipal("u-0", "总办", Role.OFFICE, null, null), List.of());

        assertThat(office.sees(HERE, "cp-x", List.of("county"))).isTrue();
        assertThat(office.sees(OTHER, "cp-y", List.of("other"))).isTrue();
        assertThat(office.seesEveryUnitOf(OTHER)).isTrue();
        assertThat(office.jurisdictionScope()).isNull();
    }

    @Test
    void aSupervisorSeesItsUnitsAndWhatIsBelowThemOnly() {
        Visibility supervisor = new Visibility(user(Role.SUPERVISOR, null), List.of("twn-a"));

        assertThat(supervisor.sees(HERE, "twn-a", List.of("county"))).isTrue();
        assertThat(supervisor.sees(HERE, "cp-a1", List.of("county", "twn-a"))).isTrue();
        assertThat(supervisor.sees(HERE, "twn-b", List.of("county"))).isFalse();
        assertThat(supervisor.sees(OTHER, "twn-a", List.of("county"))).isFalse();
        assertThat(supervisor.seesEveryUnitOf(HERE)).isFalse();
    }

    @Test
    void aPrincipalSeesItsSubtreeAndAClerkOnlyItsOwnUnit() {
        Visibility principal = new Visibility(user(Role.PRINCIPAL, "twn-a"), List.of());
        Visibility clerk = new Visibility(user(Role.CLERK, "twn-a"), List.of());

        assertThat(principal.sees(HERE, "cp-a1", List.of("county", "twn-a"))).isTrue();
        assertThat(principal.sees(HERE, "twn-b", List.of("county"))).isFalse();
        assertThat(clerk.sees(HERE, "twn-a", List.of("county"))).isTrue();
        assertThat(clerk.sees(HERE, "cp-a1", List.of("county", "twn-a"))).isFalse();
        assertThat(clerk.sees(OTHER, "twn-a", List.of("county"))).isFalse();
    }
}
