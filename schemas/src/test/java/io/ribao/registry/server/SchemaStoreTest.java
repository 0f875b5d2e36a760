package io.ribao.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.registry.CompatibilityLevel;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

    @Test
    void aStoreRebuiltFromTheSameLogHasTheSameIdsVersionsAndLevels() {
        MemorySchemaLog log = new MemorySchemaLog();
        SchemaStore before = new SchemaStore(log);
        int shared = before.register("a-value", Schemas.v1().toString()).id();
        before.register("b-value", Schemas.v1().toString());
        int second = before.register("a-value", Schemas.v2WithOptionalNote().toString()).id();
        before.setLevel(null, CompatibilityLevel.FORWARD);
        before.setLevel("b-value", CompatibilityLevel.NONE);

        SchemaStore after = new SchemaStore(log);

        assertThat(after.subjects()).containsExactly("a-value", "b-value");
        assertThat(after.versions("a-value")).containsExactly(1, 2);
        assertThat(after.lookup("b-value", Schemas.v1().toString()).id()).isEqualTo(shared);
        assertThat(after.version("a-value", "latest").id()).isEqualTo(second);
        assertThat(after.globalLevel()).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(after.subjectLevel("b-value")).contains(CompatibilityLevel.NONE);
        assertThat(after.register("c-value", Schemas.other().toString()).id()).isEqualTo(second + 1);
    }

    @Test
    void theSameSchemaWrittenDifferentlyIsTheSameSchema() {
        SchemaStore store = new SchemaStore(new MemorySchemaLog());
        int id = store.register("a-value", "{\"type\":\"record\",\"name\":\"Sample\",\"namespace\":\"io.ribao.test\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}").id();

        int again = store.register("b-value", "{ \"fields\": [ {\"type\": \"string\", \"name\": \"id\"} ],\n"
                + "  \"name\": \"Sample\", \"namespace\": \"io.ribao.test\", \"type\": \"record\" }").id();

        assertThat(again).isEqualTo(id);
    }

    @Test
    void underATransitiveLevelTheLatestCompatibilityCheckLooksAtEveryVersion() {
        SchemaStore store = new SchemaStore(new MemorySchemaLog());
        store.register("s", Schemas.v1().toString());
        store.register("s", "{\"type\":\"record\",\"name\":\"Sample\",\"namespace\":\"io.ribao.test\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"int\",\"default\":0}]}");
        String requiredCount = Schemas.v2WithRequiredCount().toString();

        assertThat(store.isCompatible("s", "latest", requiredCount)).isTrue();
        store.setLevel("s", CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(store.isCompatible("s", "latest", requiredCount)).isFalse();
        assertThat(store.isCompatible("s", "2", requiredCount)).isTrue();
    }

    @Test
    void aFailedWriteLeavesTheStateUnchanged() {
        MemorySchemaLog log = new MemorySchemaLog();
        SchemaStore store = new SchemaStore(log);
        store.register("s", Schemas.v1().toString());
        log.refuseWrites();

        assertThatThrownBy(() -> store.register("s", Schemas.v2WithOptionalNote().toString()))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(50001));
        assertThat(store.versions("s")).containsExactly(1);
        assertThatThrownBy(() -> store.schemaById(2)).isInstanceOf(RegistryError.class);
    }
}
