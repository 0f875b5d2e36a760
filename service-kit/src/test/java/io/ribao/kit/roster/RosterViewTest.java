package io.ribao.kit.roster;

import static io.ribao.kit.RosterFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.kit.auth.TokenDigest;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterViewTest {

    private static Unit unit(String id, String parent, List<String> supervisors) {
        return Unit.newBuilder().setId(id).setJurisdictionId("demo-county").setName(id).setKind(UnitKind.TOWNSHIP)
                .setParentId(parent).setSupervisorIds(supervisors).setActiveFrom(LocalDate.parse("2026-01-01")).build();
    }

    private final RosterView roster = RosterView.fixed(List.of(),
            List.of(unit("county", null, List.of()), unit("twn-b", "county", List.of("u-dc")),
                    unit("twn-a", "county", List.of("u-dc"))),
            List.of(), List.of(user("u-clerk", Role.CLERK, "twn-a", "token-of-the-clerk-0001")));

    @Test
    void findsAUserByTheHashOfTheirTokenInEitherCase() {
        String hash = TokenDigest.sha256Hex("token-of-the-clerk-0001");

        assertThat(roster.userByTokenSha256(hash).getId()).isEqualTo("u-clerk");
        assertThat(roster.userByTokenSha256(hash.toUpperCase()).getId()).isEqualTo("u-clerk");
        assertThat(roster.userByTokenSha256(TokenDigest.sha256Hex("another"))).isNull();
        assertThat(roster.userByTokenSha256(null)).isNull();
    }

    @Test
    void walksTheTreeAndTheSupervision() {
        assertThat(roster.childrenOf("county")).extracting(Unit::getId).containsExactly("twn-a", "twn-b");
        assertThat(roster.unitsSupervisedBy("u-dc")).extracting(Unit::getId).containsExactly("twn-a", "twn-b");
        assertThat(roster.unit(null)).isNull();
    }
}
