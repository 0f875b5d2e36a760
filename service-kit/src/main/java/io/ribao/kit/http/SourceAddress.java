package io.ribao.kit.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, for audit records: the first address of {@code X-Forwarded-For} (the client as the
 * load balancer saw it) followed by the peer address, e.g. {@code 10.1.2.3 via 192.168.0.5}; the peer alone when
 * there is no proxy. Both are kept because the header can be forged by a client that reaches us directly.
 */
public final class SourceAddress {

    private SourceAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getHeader("X-Forwarded-For"), request.getRemoteAddr());
    }

    public static String of(String forwardedFor, String peer) {
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String first = forwardedFor.split(",", 2)[0].strip();
        if (first.isEmpty() || first.length() > 64 || !first.matches("[0-9A-Fa-f.:\\[\\]]+")) {
            return peer;
        }
        return first + " via " + peer;
    }
}
