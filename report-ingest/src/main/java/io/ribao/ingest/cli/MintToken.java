package io.ribao.ingest.cli;

import io.ribao.kit.auth.TokenDigest;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Mints a bearer token: 256 random bits, base64url without padding, and the SHA-256 hex that goes into the roster's
 * {@code tokenSha256}. Only the person who receives the token keeps it; the roster never does.
 */
public final class MintToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token and its digest. */
    public record Minted(String token, String sha256) {
    }

    private MintToken() {
    }

    public static Minted mint() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Minted(token, TokenDigest.sha256Hex(token));
    }

    static void print(Minted minted, PrintStream out) {
        out.println("token:       " + minted.token());
        out.println("tokenSha256: " + minted.sha256());
    }

    /** {@code MintToken [count]}: prints one token (or count tokens) with its digest. */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        for (int i = 0; i < count; i++) {
            print(mint(), System.out);
        }
    }
}
