package io.ribao.kit.error;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A body Jackson could not read: an unknown field is 422 {@code UNKNOWN_FIELD} (the JSON is well formed, the content
 * is not what we accept), anything else 400 {@code MALFORMED_JSON}; both name the JSON path when Jackson knows it.
 */
@Priority(1)
public final class JsonInputExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonInputExceptionMapper.class);

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof JsonGenerationException) {
            LOG.error("cannot write a response body", exception);
            return ErrorResponses.of(500, "INTERNAL_ERROR", "internal error");
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String path = JsonPaths.of(unknown);
            return ErrorResponses.of(422, new ApiError("UNKNOWN_FIELD", "unknown field '" + unknown.getPropertyName() + "'",
                    List.of(new FieldError(path, "unknown field"))));
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = JsonPaths.of(mapping);
            return ErrorResponses.of(400, new ApiError("MALFORMED_JSON", "cannot read field '" + path + "'",
                    List.of(new FieldError(path, "wrong type or format"))));
        }
        return ErrorResponses.of(400, new ApiError("MALFORMED_JSON", "the body is not valid JSON", List.of()));
    }
}
