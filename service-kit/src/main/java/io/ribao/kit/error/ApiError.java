package io.ribao.kit.error;

import java.util.List;

/** The one error body of every Ribao API: {@code {"code","message","errors":[{"field","message"}]}}. */
public record ApiError(String code, String message, List<FieldError> errors) {

    public ApiError {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of());
    }
}
