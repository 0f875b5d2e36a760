package io.ribao.kit.roster;

import io.ribao.schemas.roster.User;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token hash → user id, for the bearer-token look-up of every request. Entries are added as user records arrive and
 * never removed, so one can be stale: the user removed or renamed, or — after a restart, the users topic read
 * partition by partition — an old record of a renamed user read after the new one, pointing the hash back at the old
 * id. A hit is therefore checked against the user it names, and a stale hit is repaired by one scan of the users; a
 * hash the index has never seen costs no scan.
 */
final class TokenIndex {

    private final Map<String, String> userIdByHash = new ConcurrentHashMap<>();

    void add(User user) {
        userIdByHash.put(normalized(user.getTokenSha256()), user.getId());
    }

    /** The current user whose token hash is {@code hex}, or null. */
    User find(String hex, RosterSource<User> users) {
        if (hex == null) {
            return null;
        }
        String hash = normalized(hex);
        String userId = userIdByHash.get(hash);
        if (userId == null) {
            return null;
        }
        User user = users.get(userId);
        if (user != null && hash.equals(normalized(user.getTokenSha256()))) {
            return user;
        }
        for (User candidate : users.values()) {
            if (hash.equals(normalized(candidate.getTokenSha256()))) {
                userIdByHash.put(hash, candidate.getId());
                return candidate;
            }
        }
        userIdByHash.remove(hash, userId);
        return null;
    }

    private static String normalized(String hex) {
        return hex.toLowerCase(Locale.ROOT);
    }
}
