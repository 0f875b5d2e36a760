package io.ribao.ingest.kafka;

import io.ribao.kit.error.ApiException;

/** The event log did not acknowledge in time: 503, and nothing was accepted. */
public final class BrokerUnavailableException extends ApiException {

    public BrokerUnavailableException(Throwable cause) {
        super(503, "BROKER_UNAVAILABLE", "the event log is unavailable; nothing was accepted, try again");
        initCause(cause);
    }
}
