package io.ribao.kit.error;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

@Priority(1)
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ApiException exception) {
        return ErrorResponses.of(exception.status(), exception.toBody(ErrorResponses.languageOf(headers)));
    }
}
