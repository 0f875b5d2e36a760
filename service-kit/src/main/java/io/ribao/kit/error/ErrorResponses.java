package io.ribao.kit.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds responses carrying an {@link ApiError}. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    public static Response of(int status, String code, String message) {
        return of(status, new ApiError(code, message, List.of()));
    }

    /** The code for a plain HTTP status, used where the framework rather than our code refused the request. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 422 -> "VALIDATION_FAILED";
            case 503 -> "SERVICE_UNAVAILABLE";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
        };
    }

    /** The message for a plain HTTP status, where nothing more specific is known (or should be told). */
    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "authentication required";
            case 403 -> "not allowed for this user";
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "no acceptable representation";
            case 413 -> "the body is too large";
            case 414 -> "the URI is too long";
            case 415 -> "unsupported content type";
            case 431 -> "the request headers are too large";
            case 503 -> "service unavailable";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? "internal error" : "request refused";
        };
    }
}
