package io.ribao.ingest.core;

import io.ribao.kit.error.ApiException;
import io.ribao.kit.i18n.Text;

/** The event log did not acknowledge in time: 503, and nothing was accepted. */
public final class BrokerUnavailableException extends ApiException {

    public BrokerUnavailableException(Throwable cause) {
        super(503, "BROKER_UNAVAILABLE", Text.of("事件日志暂不可用，本次未受理，请稍后重试",
                "the event log is unavailable; nothing was accepted, try again"));
        initCause(cause);
    }
}
