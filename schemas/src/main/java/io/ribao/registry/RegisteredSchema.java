package io.ribao.registry;

import org.apache.avro.Schema;

/** One version of a subject: the subject, its global schema id, the version number and the schema. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
