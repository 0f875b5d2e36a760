package io.ribao.bulletin.resources;

import io.ribao.kit.error.ApiException;
import io.ribao.kit.i18n.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query and path parameters, refused with a 422 that names the parameter; the texts of such refusals. */
public final class Params {

    public static final Text REQUIRED = Text.of("必填", "is required");
    public static final Text NOT_A_DATE = Text.of("须为日期，格式 YYYY-MM-DD", "must be a date YYYY-MM-DD");

    private Params() {
    }

    public static Text atMost(int characters) {
        return Text.of("不得超过 " + characters + " 个字符", "must be at most " + characters + " characters");
    }

    static LocalDate requiredDate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, Text.of("必填，格式 YYYY-MM-DD", "is required (YYYY-MM-DD)"));
        }
        return date(field, value);
    }

    static LocalDate optionalDate(String field, String value) {
        return value == null || value.isBlank() ? null : date(field, value);
    }

    private static LocalDate date(String field, String value) {
        if (value.length() != 10) {
            throw ApiException.invalid(field, NOT_A_DATE);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, NOT_A_DATE);
        }
    }

    static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.invalid(field, atMost(maxLength));
        }
        return value;
    }
}
