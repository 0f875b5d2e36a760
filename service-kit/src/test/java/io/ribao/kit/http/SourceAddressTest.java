package io.ribao.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceAddressTest {

    @Test
    void withoutProxyThePeerIsTheSource() {
        assertThat(SourceAddress.of(null, "10.0.0.9")).isEqualTo("10.0.0.9");
    }

    @Test
    void behindAProxyTheFirstForwardedAddressIsRecordedWithThePeer() {
        assertThat(SourceAddress.of("203.0.113.7, 10.0.0.2", "10.0.0.9")).isEqualTo("203.0.113.7 via 10.0.0.9");
    }

    @Test
    void aForwardedValueThatIsNoAddressIsIgnored() {
        assertThat(SourceAddress.of("<script>", "10.0.0.9")).isEqualTo("10.0.0.9");
    }
}
