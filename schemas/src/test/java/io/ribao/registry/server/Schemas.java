package io.ribao.registry.server;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Small schemas for registry tests: a record {@code Sample} growing field by field. */
final class Schemas {

    private Schemas() {
    }

    /** {@code Sample{id: string}}. */
    static Schema v1() {
        return SchemaBuilder.record("Sample").namespace("io.ribao.test").fields()
                .requiredString("id")
                .endRecord();
    }

    /** v1 plus an optional {@code note} with a default: readable both ways with v1. */
    static Schema v2WithOptionalNote() {
        return SchemaBuilder.record("Sample").namespace("io.ribao.test").fields()
                .requiredString("id")
                .name("note").type().stringType().stringDefault("")
                .endRecord();
    }

    /** v1 plus a required {@code count} without a default: new readers cannot read v1 data. */
    static Schema v2WithRequiredCount() {
        return SchemaBuilder.record("Sample").namespace("io.ribao.test").fields()
                .requiredString("id")
                .requiredInt("count")
                .endRecord();
    }

    /** v1 without {@code id}: old readers cannot read its data (they need {@code id}, which has no default). */
    static Schema withoutId() {
        return SchemaBuilder.record("Sample").namespace("io.ribao.test").fields()
                .name("note").type().stringType().stringDefault("")
                .endRecord();
    }

    /** An unrelated record. */
    static Schema other() {
        return SchemaBuilder.record("Other").namespace("io.ribao.test").fields()
                .requiredLong("at")
                .endRecord();
    }
}
