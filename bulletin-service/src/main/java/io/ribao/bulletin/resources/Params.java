package io.ribao.bulletin.resources;

import io.ribao.kit.error.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query and path parameters, refused with a 422 that names the parameter. */
final class Params {

    private Params() {
    }

    static LocalDate requiredDate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required (YYYY-MM-DD)");
        }
        return date(field, value);
    }

    static LocalDate optionalDate(String field, String value) {
        return value == null || value.isBlank() ? null : date(field, value);
    }

    private static LocalDate date(String field, String value) {
        if (value.length() != 10) {
            throw ApiException.invalid(field, "must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }

    static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.invalid(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }
}
