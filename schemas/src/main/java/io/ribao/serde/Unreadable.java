package io.ribao.serde;

import io.ribao.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Whether a record that could not be read is at fault itself — its bytes do not decode, or they name a schema id the
 * registry does not have (Confluent's 40403) — so that reading it again cannot help and it may be set aside; or the
 * failure is passing (the registry unreachable, failing, refusing us), and the record must be read again later, never
 * skipped (decisions 443, 445).
 */
public final class Unreadable {

    /** Confluent's error code for a schema id the registry does not have. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private Unreadable() {
    }

    public static boolean forGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException registry) {
                return registry.errorCode() == SCHEMA_NOT_FOUND;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }
}
