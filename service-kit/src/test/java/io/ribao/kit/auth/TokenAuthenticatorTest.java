package io.ribao.kit.auth;

import static io.ribao.kit.RosterFixtures.rosterOf;
import static io.ribao.kit.RosterFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.roster.Role;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {

    private final TokenAuthenticator authenticator = new TokenAuthenticator(
            rosterOf(user("u-clerk", Role.CLERK, "twn-a", "clerk-token-0123456789"),
                    user("u-office", Role.OFFICE, null, "office-token-0123456789")));

    @Test
    void knownTokenAuthenticatesItsUser() {
        RibaoPrincipal principal = authenticator.authenticate("clerk-token-0123456789").orElseThrow();

        assertThat(principal.userId()).isEqualTo("u-clerk");
        assertThat(principal.role()).isEqualTo(Role.CLERK);
        assertThat(principal.unitId()).isEqualTo("twn-a");
        assertThat(principal.getName()).isEqualTo("u-clerk");
    }

    @Test
    void unknownOrEmptyTokenAuthenticatesNobody() {
        assertThat(authenticator.authenticate("clerk-token-0123456788")).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
        assertThat(authenticator.authenticate("x".repeat(600))).isEmpty();
    }

    @Test
    void digestIsLowerCaseHexOfSha256() {
        assertThat(TokenDigest.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenDigest.isSha256Hex(TokenDigest.sha256Hex("abc"))).isTrue();
        assertThat(TokenDigest.isSha256Hex("BA7816")).isFalse();
    }
}
