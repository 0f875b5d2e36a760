package io.ribao.kit.error;

import io.ribao.kit.i18n.Language;
import io.ribao.kit.i18n.Text;
import jakarta.ws.rs.core.HttpHeaders;
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

    public static Response of(int status, String code, Text message, Language language) {
        return of(status, code, message.in(language));
    }

    /** The language of the request being answered: Chinese unless it asks for English (also outside a request). */
    static Language languageOf(HttpHeaders headers) {
        try {
            return Language.ofAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        } catch (IllegalStateException outsideARequest) {
            return Language.CHINESE;
        }
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
    public static Text messageFor(int status) {
        return switch (status) {
            case 400 -> Text.of("请求格式有误", "the request is malformed");
            case 401 -> Text.of("请先登录：需要有效的令牌", "a valid bearer token is required");
            case 403 -> Text.of("当前用户无权执行此操作", "not allowed for this user");
            case 404 -> Text.of("没有这个资源", "no such resource");
            case 405 -> Text.of("此处不支持该请求方法", "method not allowed here");
            case 406 -> Text.of("无法提供可接受的格式", "no acceptable representation");
            case 413 -> Text.of("请求内容过大", "the body is too large");
            case 414 -> Text.of("请求地址过长", "the URI is too long");
            case 415 -> Text.of("不支持的内容类型", "unsupported content type");
            case 431 -> Text.of("请求头过大", "the request headers are too large");
            case 503 -> Text.of("服务暂不可用", "service unavailable");
            case 505 -> Text.of("不支持该 HTTP 版本", "HTTP version not supported");
            default -> status >= 500 ? INTERNAL : Text.of("请求被拒绝", "request refused");
        };
    }

    static final Text INTERNAL = Text.of("系统内部错误", "internal error");
}
