package io.ribao.kit.error;

import io.ribao.kit.i18n.Language;
import io.ribao.kit.i18n.Text;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last resort: logs the failure under a reference the client can quote, and never leaks internals. */
@Priority(1)
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        return toResponse(exception, ErrorResponses.languageOf(headers));
    }

    Response toResponse(Throwable exception, Language language) {
        String reference = UUID.randomUUID().toString();
        LOG.error("unexpected failure, reference {}", reference, exception);
        Text message = Text.of("系统内部错误，查询编号 " + reference, "internal error, reference " + reference);
        return ErrorResponses.of(500, "INTERNAL_ERROR", message, language);
    }
}
