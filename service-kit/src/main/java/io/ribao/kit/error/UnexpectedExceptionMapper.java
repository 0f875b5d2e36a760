package io.ribao.kit.error;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last resort: logs the failure under a reference the client can quote, and never leaks internals. */
@Priority(1)
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String reference = UUID.randomUUID().toString();
        LOG.error("unexpected failure, reference {}", reference, exception);
        return ErrorResponses.of(500, "INTERNAL_ERROR", "internal error, reference " + reference);
    }
}
