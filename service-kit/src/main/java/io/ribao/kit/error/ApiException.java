package io.ribao.kit.error;

import io.ribao.kit.i18n.Language;
import io.ribao.kit.i18n.Text;
import java.util.List;

/**
 * Thrown by resources and domain edges; {@link ApiExceptionMapper} turns it into the error body, in the caller's
 * language. Plain strings are texts already in the caller's language (report-ingest chooses its messages as it
 * validates); {@link Text}s are told in the language of the request when it is answered.
 */
public class ApiException extends RuntimeException {

    static final Text INVALID = Text.of("请求内容有误", "the request is invalid");

    private final int status;
    private final String code;
    private final Text message;
    private final List<FieldText> fieldErrors;

    private ApiException(int status, String code, Text message, FieldText[] fieldErrors) {
        super(message.english());
        this.status = status;
        this.code = code;
        this.message = message;
        this.fieldErrors = List.of(fieldErrors);
    }

    public ApiException(int status, String code, Text message, List<FieldError> fieldErrors) {
        this(status, code, message, verbatim(fieldErrors));
    }

    public ApiException(int status, String code, Text message) {
        this(status, code, message, new FieldText[0]);
    }

    /** A refusal naming one field. */
    public ApiException(int status, String code, Text message, String field, Text fieldMessage) {
        this(status, code, message, new FieldText[] {new FieldText(field, fieldMessage)});
    }

    public ApiException(int status, String code, String message, List<FieldError> fieldErrors) {
        this(status, code, Text.verbatim(message), fieldErrors);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, Text.verbatim(message));
    }

    /** A refusal naming several fields, each told in the caller's language. */
    public static ApiException withFieldTexts(int status, String code, Text message, List<FieldText> fieldErrors) {
        return new ApiException(status, code, message, fieldErrors.toArray(FieldText[]::new));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(422, "VALIDATION_FAILED", INVALID, errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(String field, Text message) {
        return new ApiException(422, "VALIDATION_FAILED", INVALID, field, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public static ApiException forbidden(Text message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    public static ApiException notFound(Text message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException conflict(String code, Text message) {
        return new ApiException(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The field errors in Chinese, the default language. */
    public List<FieldError> fieldErrors() {
        return toBody(Language.CHINESE).errors();
    }

    public ApiError toBody(Language language) {
        return new ApiError(code, message.in(language),
                fieldErrors.stream().map(f -> new FieldError(f.field(), f.message().in(language))).toList());
    }

    private static FieldText[] verbatim(List<FieldError> errors) {
        return errors == null ? new FieldText[0]
                : errors.stream().map(e -> new FieldText(e.field(), Text.verbatim(e.message()))).toArray(FieldText[]::new);
    }

    /** A field error before it is told: the field and its message in both languages. */
    public record FieldText(String field, Text message) {
    }
}
