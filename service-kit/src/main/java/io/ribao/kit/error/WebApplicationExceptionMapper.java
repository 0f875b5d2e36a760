package io.ribao.kit.error;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Framework refusals (404, 405, 413, 415, 403 from role checks…) in the API's error shape. */
@Priority(1)
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            LOG.error("request failed", exception);
            return ErrorResponses.of(status, ErrorResponses.codeFor(status), "internal error");
        }
        if (original.hasEntity() && original.getEntity() instanceof ApiError) {
            return original;
        }
        String message = switch (status) {
            case 403, 404, 405, 413, 415 -> ErrorResponses.messageFor(status);
            default -> exception.getMessage() == null ? "request refused" : exception.getMessage();
        };
        Response.ResponseBuilder builder = Response.fromResponse(ErrorResponses.of(status, ErrorResponses.codeFor(status), message));
        if (original.getHeaderString("Allow") != null) {
            builder.header("Allow", original.getHeaderString("Allow"));
        }
        return builder.build();
    }
}
