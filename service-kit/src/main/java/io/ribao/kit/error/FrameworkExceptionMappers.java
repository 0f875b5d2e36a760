package io.ribao.kit.error;

import io.dropwizard.jersey.optional.EmptyOptionalException;
import io.dropwizard.jersey.validation.JerseyViolationException;
import io.ribao.kit.i18n.Text;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.io.EofException;

/**
 * Dropwizard registers mappers for a few exception types of its own; a mapper for the same type with a higher
 * priority is needed so that they, too, answer in the {@link ApiError} shape.
 */
final class FrameworkExceptionMappers {

    private FrameworkExceptionMappers() {
    }

    @Priority(1)
    static final class IllegalState implements ExceptionMapper<IllegalStateException> {
        private final UnexpectedExceptionMapper delegate = new UnexpectedExceptionMapper();
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(IllegalStateException exception) {
            return delegate.toResponse(exception, ErrorResponses.languageOf(headers));
        }
    }

    @Priority(1)
    static final class Violation implements ExceptionMapper<JerseyViolationException> {
        private final ConstraintViolationMapper delegate = new ConstraintViolationMapper();
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(JerseyViolationException exception) {
            return delegate.toResponse(exception, ErrorResponses.languageOf(headers));
        }
    }

    @Priority(1)
    static final class EarlyEof implements ExceptionMapper<EofException> {
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(EofException exception) {
            return ErrorResponses.of(400, "MALFORMED_REQUEST", Text.of("请求内容提前结束", "the request body ended early"),
                    ErrorResponses.languageOf(headers));
        }
    }

    @Priority(1)
    static final class EmptyOptional implements ExceptionMapper<EmptyOptionalException> {
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(EmptyOptionalException exception) {
            return ErrorResponses.of(404, "NOT_FOUND", ErrorResponses.messageFor(404), ErrorResponses.languageOf(headers));
        }
    }
}
