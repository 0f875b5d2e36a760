package io.ribao.kit.http;

import io.ribao.kit.error.ErrorResponses;
import io.ribao.kit.i18n.Language;
import io.ribao.kit.i18n.Text;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses request bodies larger than the limit with 413 in the error shape, before anything parses them. The
 * declared Content-Length is checked first, whatever its size (decision 442); one that is not a number is 400. A body
 * without one (chunked) is read up to the limit plus one byte, so a client cannot get around the limit by not declaring
 * the size. Bodies are small, so buffering them costs little.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodySizeLimit implements ContainerRequestFilter {

    public static final long DEFAULT_MAX_BYTES = 64 * 1024;
    private static final long DRAIN_MAX_BYTES = 1024 * 1024;
    private static final Text MALFORMED_LENGTH =
            Text.of("请求头 Content-Length 不是有效的字节数", "the Content-Length header is not a number of bytes");

    private final long maxBytes;
    private final Map<String, Long> limitByPathPrefix;

    public BodySizeLimit(long maxBytes) {
        this(maxBytes, Map.of());
    }

    private BodySizeLimit(long maxBytes, Map<String, Long> limitByPathPrefix) {
        check(maxBytes);
        this.maxBytes = maxBytes;
        this.limitByPathPrefix = Map.copyOf(limitByPathPrefix);
    }

    /** A copy with another limit for request paths (relative to the Jersey root, e.g. {@code v1/roster}) starting so. */
    public BodySizeLimit withLimit(String pathPrefix, long limit) {
        check(limit);
        Map<String, Long> limits = new LinkedHashMap<>(limitByPathPrefix);
        limits.put(pathPrefix, limit);
        return new BodySizeLimit(maxBytes, limits);
    }

    private static void check(long limit) {
        if (limit <= 0 || limit > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("a body limit must be in 1.." + (Integer.MAX_VALUE - 1));
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        long limit = limitFor(request.getUriInfo().getPath());
        // not Jersey's getLength(): an int, it fails on a declared length over 2 GiB (an answer of 500)
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && !isDigits(declared.strip())) {
            request.abortWith(ErrorResponses.of(400, "MALFORMED_REQUEST", MALFORMED_LENGTH, language(request)));
            return;
        }
        if (declared != null && exceeds(declared.strip(), limit)) {
            drain(request.getEntityStream());
            request.abortWith(tooLarge(limit, request));
            return;
        }
        if (!request.hasEntity()) {
            return;
        }
        InputStream body = request.getEntityStream();
        byte[] bytes = body.readNBytes((int) limit + 1);
        if (bytes.length > limit) {
            drain(body);
            request.abortWith(tooLarge(limit, request));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    /**
     * Reads and drops what is left of a refused body (up to {@link #DRAIN_MAX_BYTES}), so a client still sending it
     * reads the 413 instead of a reset connection; anything bigger is cut off by closing the connection.
     */
    private static void drain(InputStream body) {
        long left = DRAIN_MAX_BYTES;
        byte[] buffer = new byte[8192];
        int read;
        try {
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IOException clientStoppedSending) {
            // a body that ends before its declared length is still refused as too large, not as cut short
        }
    }

    private long limitFor(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        for (Map.Entry<String, Long> entry : limitByPathPrefix.entrySet()) {
            if (relative.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return maxBytes;
    }

    private static jakarta.ws.rs.core.Response tooLarge(long maxBytes, ContainerRequestContext request) {
        Text message = Text.of("请求内容超过 " + maxBytes + " 字节", "the body is larger than " + maxBytes + " bytes");
        return ErrorResponses.of(413, "PAYLOAD_TOO_LARGE", message, language(request));
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether a length written in digits, of any size, is over the limit. */
    private static boolean exceeds(String digits, long limit) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        // 18 digits always fit a long
        return digits.length() - first > 18 || Long.parseLong(digits, first, digits.length(), 10) > limit;
    }

    private static Language language(ContainerRequestContext request) {
        return Language.ofAcceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
