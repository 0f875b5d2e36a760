package io.ribao.bench.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 answer at a time from a connection, as the bytes arrive: the status, and whether the whole
 * answer (headers and a body framed by {@code Content-Length} or chunked) is in. The body is not decoded; the load
 * generator only counts answers by status.
 */
final class ResponseReader {

    private static final int CAPACITY = 64 * 1024;

    private final ByteBuffer buffer = ByteBuffer.allocate(CAPACITY);
    private int headerEnd = -1;
    private int status = -1;
    private long contentLength = -1;
    private boolean chunked;
    private boolean closeAfter;
    private int end = -1;

    /** Reads what the channel has; false when the server closed the connection. */
    boolean readFrom(ReadableByteChannel channel) throws IOException {
        if (!buffer.hasRemaining()) {
            throw new IOException("an answer longer than " + CAPACITY + " bytes");
        }
        return channel.read(buffer) >= 0;
    }

    /** Adds bytes as if read from the connection (for tests). */
    void add(byte[] bytes) {
        buffer.put(bytes);
    }

    /** Whether a whole answer has arrived; parses as far as the bytes go. */
    boolean complete() throws IOException {
        if (end >= 0) {
            return true;
        }
        if (headerEnd < 0 && !parseHead()) {
            return false;
        }
        if (chunked) {
            end = chunkedEnd(headerEnd);
        } else if (contentLength >= 0) {
            end = buffer.position() - headerEnd >= contentLength ? (int) (headerEnd + contentLength) : -1;
        } else if (status == 204 || status == 304 || status < 200) {
            end = headerEnd;
        } else {
            throw new IOException("an answer with neither Content-Length nor chunked encoding (status " + status + ")");
        }
        return end >= 0;
    }

    int status() {
        return status;
    }

    /** Whether the server said it closes the connection after this answer. */
    boolean closeAfter() {
        return closeAfter;
    }

    /** Forgets the answer read, keeping any bytes that came after it. */
    void next() {
        int length = buffer.position();
        buffer.position(Math.max(end, 0)).limit(length);
        buffer.compact();
        forgetAnswer();
    }

    /** Forgets everything read (a new connection). */
    void reset() {
        buffer.clear();
        forgetAnswer();
    }

    private void forgetAnswer() {
        headerEnd = -1;
        status = -1;
        contentLength = -1;
        chunked = false;
        closeAfter = false;
        end = -1;
    }

    private boolean parseHead() throws IOException {
        int terminator = indexOf(buffer.array(), 0, buffer.position(), "\r\n\r\n");
        if (terminator < 0) {
            return false;
        }
        headerEnd = terminator + 4;
        String head = new String(buffer.array(), 0, terminator, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close");
                default -> {
                }
            }
        }
        return true;
    }

    /** The end of a chunked body starting at {@code from}, or -1 while it is incomplete. */
    private int chunkedEnd(int from) throws IOException {
        byte[] bytes = buffer.array();
        int limit = buffer.position();
        int at = from;
        while (true) {
            int lineEnd = indexOf(bytes, at, limit, "\r\n");
            if (lineEnd < 0) {
                return -1;
            }
            String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int extension = sizeText.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((extension < 0 ? sizeText : sizeText.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a bad chunk size: " + sizeText);
            }
            at = lineEnd + 2;
            if (size == 0) {
                // no trailers are expected: the last chunk is followed by an empty line
                return limit - at >= 2 ? at + 2 : -1;
            }
            if (limit - at < size + 2) {
                return -1;
            }
            at += size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, String pattern) {
        int n = pattern.length();
        outer:
        for (int i = from; i <= to - n; i++) {
            for (int j = 0; j < n; j++) {
                if (bytes[i + j] != pattern.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
