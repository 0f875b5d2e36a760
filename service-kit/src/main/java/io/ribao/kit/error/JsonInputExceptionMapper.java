package io.ribao.kit.error;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.ribao.kit.i18n.Language;
import io.ribao.kit.i18n.Text;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * A body Jackson could not read: an unknown field is 422 {@code UNKNOWN_FIELD} (the JSON is well formed, the content
 * is not what we accept), anything else 400 {@code MALFORMED_JSON}; both name the JSON path when Jackson knows it.
 * Jackson's failures that are the server's own (a response it cannot write, a type it cannot define) are a 500 logged
 * under a reference, as {@link UnexpectedExceptionMapper} answers them (decision 442).
 */
@Priority(1)
public final class JsonInputExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private final UnexpectedExceptionMapper serverFault = new UnexpectedExceptionMapper();
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        Language language = ErrorResponses.languageOf(headers);
        if (exception instanceof JsonGenerationException || exception instanceof InvalidDefinitionException) {
            // the server's fault (a body it cannot write, a type it cannot read into), not the client's
            return serverFault.toResponse(exception, language);
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String path = JsonPaths.of(unknown);
            String name = unknown.getPropertyName();
            return ErrorResponses.of(422, new ApiError("UNKNOWN_FIELD",
                    Text.of("不认识的字段“" + name + "”", "unknown field '" + name + "'").in(language),
                    List.of(new FieldError(path, Text.of("不认识的字段", "unknown field").in(language)))));
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = JsonPaths.of(mapping);
            return ErrorResponses.of(400, new ApiError("MALFORMED_JSON",
                    Text.of("无法读取字段“" + path + "”", "cannot read field '" + path + "'").in(language),
                    List.of(new FieldError(path, Text.of("类型或格式不对", "wrong type or format").in(language)))));
        }
        return ErrorResponses.of(400, "MALFORMED_JSON", Text.of("请求内容不是有效的 JSON", "the body is not valid JSON"),
                language);
    }
}
