package io.ribao.kit.error;

import io.ribao.kit.i18n.Language;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Framework refusals (404, 405, 413, 415, 403 from role checks…) in the API's error shape. */
@Priority(1)
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Language language = ErrorResponses.languageOf(headers);
        if (status >= 500) {
            LOG.error("request failed", exception);
            return ErrorResponses.of(status, ErrorResponses.codeFor(status), ErrorResponses.INTERNAL, language);
        }
        if (original.hasEntity() && original.getEntity() instanceof ApiError) {
            return original;
        }
        String message = switch (status) {
            case 401, 403, 404, 405, 413, 415 -> ErrorResponses.messageFor(status).in(language);
            default -> exception.getMessage() == null ? ErrorResponses.messageFor(status).in(language)
                    : exception.getMessage();
        };
        Response.ResponseBuilder builder = Response.fromResponse(ErrorResponses.of(status, ErrorResponses.codeFor(status), message));
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE}) {
            if (original.getHeaderString(header) != null) {
                builder.header(header, original.getHeaderString(header));
            }
        }
        return builder.build();
    }
}
