package io.ribao.kit.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ribao.kit.i18n.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before or outside Jersey (ambiguous or badly encoded URIs, paths no servlet serves,
 * parser refusals), in the one {@link ApiError} shape as {@code application/json}, whatever the client accepts and
 * whatever the method. This one is the server's (requests not inside a servlet context); {@link Servlet} is the same
 * for the servlet contexts (Jetty's servlet error handler assumes a servlet request, so the server needs its own).
 * Set by {@link RibaoErrors}.
 */
public final class ContainerErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MIME_JSON = MimeTypes.Type.APPLICATION_JSON.asString();
    private static final List<Charset> UTF_8 = List.of(StandardCharsets.UTF_8);

    public ContainerErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Every method gets the body (Jetty's default: GET, POST and HEAD only). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** JSON regardless of {@code Accept} (Jetty would negotiate HTML, a JSON of its own, or no body at all). */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        if (!generateAcceptableResponse(request, response, callback, MIME_JSON, UTF_8, code, message, cause)) {
            callback.succeeded();
        }
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(body(code, languageOf(request)));
    }

    static Language languageOf(Request request) {
        return Language.ofAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    }

    /** The body for a status the container chose; Jetty's reason text is not passed on (it may quote the request). */
    static String body(int status, Language language) {
        ApiError error = ApiError.of(ErrorResponses.codeFor(status), ErrorResponses.messageFor(status).in(language));
        try {
            return JSON.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }

    /** The same answers for requests inside a servlet context (404 where no servlet maps, 405, sendError…). */
    public static final class Servlet extends org.eclipse.jetty.ee10.servlet.ErrorHandler {

        public Servlet() {
            setShowStacks(false);
            setShowCauses(false);
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws IOException {
            if (!generateAcceptableResponse(request, response, callback, MIME_JSON, UTF_8, code, message, cause)) {
                callback.succeeded();
            }
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code, languageOf(request)));
        }
    }
}
