package io.ribao.kit.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.User;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenIndexTest {

    private static final String HASH = "ab".repeat(32);

    /** The users as a roster view holds them: by id, the latest record of each. */
    private final Map<String, User> current = new LinkedHashMap<>();
    private int scans;
    private final RosterSource<User> users = new RosterSource<>() {
        @Override
        public User get(String id) {
            return current.get(id);
        }

        @Override
        public Collection<User> values() {
            scans++;
            return current.values();
        }
    };
    private final TokenIndex index = new TokenIndex();

    private static User user(String id, String hash) {
        return User.newBuilder().setId(id).setName(id).setRole(Role.CLERK).setUnitId("u").setJurisdictionId("j")
                .setTokenSha256(hash).build();
    }

    @Test
    void aRenamedUserReadAfterItsOldRecordIsFoundByItsToken() {
        // given a user renamed with the same token, the records read back in the other order after a restart
        User renamed = user("u-new", HASH);
        current.put("u-new", renamed);
        index.add(renamed);
        index.add(user("u-old", HASH)); // the old record, from another partition, read last; then its tombstone

        assertThat(index.find(HASH, users)).isEqualTo(renamed);
        assertThat(index.find(HASH.toUpperCase(), users)).isEqualTo(renamed);
    }

    @Test
    void aRemovedUsersTokenFindsNobodyAndAnUnknownOneScansNothing() {
        index.add(user("u-gone", HASH));

        assertThat(index.find(HASH, users)).isNull();
        assertThat(scans).isEqualTo(1);
        // the stale entry is gone with that scan, and a hash never seen scans nothing
        assertThat(index.find(HASH, users)).isNull();
        assertThat(index.find("cd".repeat(32), users)).isNull();
        assertThat(index.find(null, users)).isNull();
        assertThat(scans).isEqualTo(1);
    }

    @Test
    void aUserWhoseTokenChangedIsNotFoundByTheOldOne() {
        index.add(user("u-1", HASH));
        User rekeyed = user("u-1", "cd".repeat(32));
        current.put("u-1", rekeyed);
        index.add(rekeyed);

        assertThat(index.find(HASH, users)).isNull();
        assertThat(index.find("cd".repeat(32), users)).isEqualTo(rekeyed);
    }
}
