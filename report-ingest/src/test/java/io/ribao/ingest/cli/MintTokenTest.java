package io.ribao.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.kit.auth.TokenDigest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MintTokenTest {

    @Test
    void mintedTokenCarries256RandomBitsAndItsDigest() {
        MintToken.Minted minted = MintToken.mint();

        assertThat(Base64.getUrlDecoder().decode(minted.token())).hasSize(32);
        assertThat(minted.sha256()).isEqualTo(TokenDigest.sha256Hex(minted.token()));
        assertThat(MintToken.mint().token()).isNotEqualTo(minted.token());
    }

    @Test
    void printsTheTokenAndTheHashForTheRoster() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MintToken.Minted minted = MintToken.mint();

        MintToken.print(minted, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("token:       " + minted.token())
                .contains("tokenSha256: " + minted.sha256());
    }
}
