package io.ribao.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry the serdes need: register a schema under a subject (returning its
 * global id; the same schema always gets the same id), and fetch a schema by id.
 */
public interface SchemaRegistry {

    int register(String subject, Schema schema);

    Schema schemaById(int id);
}
