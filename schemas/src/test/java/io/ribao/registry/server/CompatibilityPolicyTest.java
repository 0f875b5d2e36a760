package io.ribao.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.registry.CompatibilityLevel;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CompatibilityPolicyTest {

    /** {@code Sample{id: string}} where {@code id} defaults to "none": readers of it accept data without id. */
    private static final Schema ID_WITH_DEFAULT = SchemaBuilder.record("Sample").namespace("io.ribao.test").fields()
            .name("id").type().stringType().stringDefault("none")
            .endRecord();

    /** {@code Sample{id, count}} with {@code count} defaulting to 0. */
    private static final Schema COUNT_WITH_DEFAULT = SchemaBuilder.record("Sample").namespace("io.ribao.test").fields()
            .requiredString("id")
            .name("count").type().intType().intDefault(0)
            .endRecord();

    @Test
    void theFirstVersionOfASubjectIsCompatibleUnderEveryLevel() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(CompatibilityPolicy.isCompatible(level, Schemas.v1(), List.of())).as(level.name()).isTrue();
        }
    }

    @Test
    void noneAcceptsAnUnrelatedSchema() {
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.NONE, Schemas.other(), List.of(Schemas.v1())))
                .isTrue();
    }

    @Test
    void backwardAcceptsAnOptionalFieldWithADefault() {
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.BACKWARD, Schemas.v2WithOptionalNote(),
                List.of(Schemas.v1()))).isTrue();
    }

    @Test
    void backwardRefusesARequiredFieldWithoutADefaultAndSaysWhich() {
        List<String> reasons = CompatibilityPolicy.incompatibilities(CompatibilityLevel.BACKWARD,
                Schemas.v2WithRequiredCount(), List.of(Schemas.v1()));

        assertThat(reasons).singleElement().asString().contains("count").contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void backwardAcceptsDroppingAFieldBecauseNewReadersIgnoreIt() {
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.BACKWARD, Schemas.withoutId(),
                List.of(Schemas.v1()))).isTrue();
    }

    @Test
    void forwardRefusesDroppingAFieldOldReadersNeed() {
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FORWARD, Schemas.withoutId(),
                List.of(Schemas.v1()))).isFalse();
    }

    @Test
    void forwardAcceptsARequiredFieldBecauseOldReadersIgnoreIt() {
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FORWARD, Schemas.v2WithRequiredCount(),
                List.of(Schemas.v1()))).isTrue();
    }

    @Test
    void fullAcceptsOnlyChangesReadableBothWays() {
        List<Schema> history = List.of(Schemas.v1());

        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FULL, Schemas.v2WithOptionalNote(), history))
                .isTrue();
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FULL, Schemas.v2WithRequiredCount(), history))
                .isFalse();
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FULL, Schemas.withoutId(), history)).isFalse();
    }

    @Test
    void backwardLooksOnlyAtTheLatestVersionWhileTransitiveLooksAtEveryOne() {
        List<Schema> history = List.of(Schemas.v1(), COUNT_WITH_DEFAULT);
        Schema candidate = Schemas.v2WithRequiredCount();

        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.BACKWARD, candidate, history)).isTrue();
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, history))
                .isFalse();
    }

    @Test
    void forwardLooksOnlyAtTheLatestVersionWhileTransitiveLooksAtEveryOne() {
        List<Schema> history = List.of(Schemas.v1(), ID_WITH_DEFAULT);
        Schema candidate = Schemas.withoutId();

        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FORWARD, candidate, history)).isTrue();
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FORWARD_TRANSITIVE, candidate, history))
                .isFalse();
    }

    @Test
    void fullLooksOnlyAtTheLatestVersionWhileTransitiveLooksAtEveryOne() {
        List<Schema> history = List.of(Schemas.v1(), ID_WITH_DEFAULT);
        Schema candidate = Schemas.withoutId();

        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FULL, candidate, history)).isTrue();
        assertThat(CompatibilityPolicy.isCompatible(CompatibilityLevel.FULL_TRANSITIVE, candidate, history)).isFalse();
    }

    @Test
    void levelsAreNamedCaseInsensitivelyAndUnknownNamesAreEmpty() {
        assertThat(CompatibilityLevel.named("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.named("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.named(null)).isEmpty();
    }
}
