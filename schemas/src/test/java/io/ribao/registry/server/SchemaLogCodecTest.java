package io.ribao.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.registry.CompatibilityLevel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemaLogCodecTest {

    @Test
    void aVersionIsKeyedBySubjectAndVersionInConfluentsLayoutAndReadsBack() {
        SchemaLogEntry.Version version = new SchemaLogEntry.Version("ribao.reports-value", 3, 17, "\"string\"");

        String key = new String(SchemaLogCodec.key(version), StandardCharsets.UTF_8);

        assertThat(key).isEqualTo(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"ribao.reports-value\",\"version\":3,\"magic\":1}");
        assertThat(SchemaLogCodec.decode(SchemaLogCodec.key(version), SchemaLogCodec.value(version))).contains(version);
    }

    @Test
    void theGlobalAndASubjectLevelReadBack() {
        SchemaLogEntry.Config global = new SchemaLogEntry.Config(null, CompatibilityLevel.FULL);
        SchemaLogEntry.Config subject = new SchemaLogEntry.Config("s", CompatibilityLevel.NONE);

        assertThat(SchemaLogCodec.decode(SchemaLogCodec.key(global), SchemaLogCodec.value(global))).contains(global);
        assertThat(SchemaLogCodec.decode(SchemaLogCodec.key(subject), SchemaLogCodec.value(subject))).contains(subject);
        assertThat(SchemaLogCodec.key(global)).isNotEqualTo(SchemaLogCodec.key(subject));
    }

    @Test
    void recordsTheRegistryDoesNotKeepAreSkipped() {
        byte[] noopKey = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);
        byte[] schemaKey = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] deleted = "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":true}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(SchemaLogCodec.decode(noopKey, new byte[] {'{', '}'})).isEmpty();
        assertThat(SchemaLogCodec.decode(schemaKey, null)).isEmpty();
        assertThat(SchemaLogCodec.decode(schemaKey, deleted)).isEmpty();
    }
}
