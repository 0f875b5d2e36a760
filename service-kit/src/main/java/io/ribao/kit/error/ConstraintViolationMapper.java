package io.ribao.kit.error;

import io.ribao.kit.i18n.Language;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** Bean-validation failures: 422 naming each field (the last bean property of the violation's path). */
@Priority(1)
public final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return toResponse(exception, ErrorResponses.languageOf(headers));
    }

    Response toResponse(ConstraintViolationException exception, Language language) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return ErrorResponses.of(422, new ApiError("VALIDATION_FAILED",
                ApiException.INVALID.in(language), errors));
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
                case PARAMETER -> field.setLength(0);
                default -> { }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
