package io.ribao.aggregation.stream;

/** A record that deserialized but cannot be processed (missing field, unknown unit): it goes to the dead letters. */
public final class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }
}
