package io.ribao.kit.http;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;

/**
 * The request log without query strings. Dropwizard's default line quotes the request line ({@code %r}) as it came,
 * so a token put in a URL by mistake — refused, as only the Authorization header is read (decision 441) — would still
 * be written to the log, against DESIGN.md §9. Every request-log appender the configuration leaves without a format
 * gets Dropwizard's own line with the path ({@code %U}) in place of the request line; a format set in the configuration
 * is the operator's and is kept.
 */
public final class RequestLogs {

    /** Dropwizard's default access-log line, with method, path and protocol instead of {@code "%r"}. */
    public static final String FORMAT =
            "%h %l %u [%t{dd/MMM/yyyy:HH:mm:ss Z,UTC}] \"%m %U %H\" %s %b \"%i{Referer}\" \"%i{User-Agent}\" %D";

    private RequestLogs() {
    }

    /** Call from the application's {@code run}: the server, and its request log, are built after it. */
    public static void withoutQueryStrings(Configuration configuration) {
        if (configuration.getServerFactory() instanceof AbstractServerFactory server
                && server.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory log) {
            for (AppenderFactory<IAccessEvent> appender : log.getAppenders()) {
                if (appender instanceof AbstractAppenderFactory<IAccessEvent> formatted
                        && formatted.getLogFormat() == null) {
                    formatted.setLogFormat(FORMAT);
                }
            }
        }
    }
}
