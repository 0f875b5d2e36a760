package io.ribao.bulletin.resources;

import io.ribao.kit.error.ApiException;
import io.ribao.kit.i18n.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Query and path parameters, and the texts users write, refused with a 422 that names the field; the texts of such
 * refusals.
 */
public final class Params {

    public static final Text REQUIRED = Text.of("必填", "is required");
    public static final Text NOT_A_DATE = Text.of("须为日期，格式 YYYY-MM-DD", "must be a date YYYY-MM-DD");
    public static final Text NO_NUL = Text.of("不得包含空字符（U+0000）", "must not contain the NUL character (U+0000)");

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

    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return storable(field, value, maxLength);
    }

    /**
     * A text that reaches PostgreSQL, stored or looked up: at most maxLength characters and no NUL (U+0000), which
     * PostgreSQL's text and jsonb cannot hold (it would fail the statement: a 500). Null is the caller's to refuse.
     */
    public static String storable(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw ApiException.invalid(field, atMost(maxLength));
        }
        if (value.indexOf('\u0000') >= 0) {
            throw ApiException.invalid(field, NO_NUL);
        }
        return value;
    }

    /** A whole number from min to max, or the default when absent; anything else names the field. */
    static int wholeNumber(String field, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        Text refusal = Text.of("须为 " + min + " 到 " + max + " 之间的整数",
                "must be a whole number between " + min + " and " + max);
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, refusal);
        }
        if (number < min || number > max) {
            throw ApiException.invalid(field, refusal);
        }
        return number;
    }

    /** A row id given in a path: a whole number, or a 422 naming the field (Jersey's own conversion answers 404). */
    static long id(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, Text.of("须为整数", "must be a whole number"));
        }
    }
}
