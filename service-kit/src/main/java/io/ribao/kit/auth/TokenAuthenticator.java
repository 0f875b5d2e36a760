package io.ribao.kit.auth;

import io.dropwizard.auth.Authenticator;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.User;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Looks a bearer token up by its SHA-256 among the roster's users. The stored hash is compared in constant time;
 * the token itself is never kept, logged or put in an exception message.
 */
public final class TokenAuthenticator implements Authenticator<String, RibaoPrincipal> {

    private final RosterView roster;

    public TokenAuthenticator(RosterView roster) {
        this.roster = roster;
    }

    @Override
    public Optional<RibaoPrincipal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        byte[] digest = TokenDigest.sha256(token.strip());
        User user = roster.userByTokenSha256(HexFormat.of().formatHex(digest));
        if (user == null || !TokenDigest.isSha256Hex(user.getTokenSha256())) {
            return Optional.empty();
        }
        byte[] stored = HexFormat.of().parseHex(user.getTokenSha256());
        if (!MessageDigest.isEqual(digest, stored)) {
            return Optional.empty();
        }
        return Optional.of(principalOf(user));
    }

    public static RibaoPrincipal principalOf(User user) {
        return new RibaoPrincipal(user.getId(), user.getName(), user.getRole(), user.getUnitId(),
                user.getJurisdictionId());
    }

}
