package io.ribao.kit.error;

import java.util.List;

/** Thrown by resources and domain edges; {@link ApiExceptionMapper} turns it into the error body. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> fieldErrors;

    public ApiException(int status, String code, String message, List<FieldError> fieldErrors) {
        super(message);
        this.status = status;
        this.code = code;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(422, "VALIDATION_FAILED", "the request is invalid", errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public ApiError toBody() {
        return new ApiError(code, getMessage(), fieldErrors);
    }
}
