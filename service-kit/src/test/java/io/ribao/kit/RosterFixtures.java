package io.ribao.kit;

import io.ribao.kit.auth.TokenDigest;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.User;
import java.util.List;

public final class RosterFixtures {

    private RosterFixtures() {
    }

    public static User user(String id, Role role, String unitId, String token) {
        return User.newBuilder().setId(id).setJurisdictionId("demo-county").setName(id).setRole(role)
                .setUnitId(unitId).setTokenSha256(TokenDigest.sha256Hex(token)).build();
    }

    public static RosterView rosterOf(User... users) {
        return RosterView.fixed(List.of(), List.of(), List.of(), List.of(users));
    }
}
