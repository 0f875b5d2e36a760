package io.ribao.bulletin.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a raw socket that reads the request, answers {@code 200 OK} with a {@code Content-Length},
 * sends the first bytes of that body and then nothing more, keeping the connection open until the caller gives up
 * or the test ends.
 */
final class StallingReceiver implements AutoCloseable {

    private final int contentLength;
    private final int sent;
    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger stalled = new AtomicInteger();

    /** Announces 100 bytes, sends one. */
    StallingReceiver() throws IOException {
        this(100, 1);
    }

    StallingReceiver(int contentLength, int sent) throws IOException {
        this.contentLength = contentLength;
        this.sent = sent;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "stalling-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                readRequest(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                        + "\r\n\r\n{" + " ".repeat(sent - 1)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.incrementAndGet();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads the request line, the headers and the body its Content-Length announces. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the caller closed before the end of its headers");
            }
            head.write(b);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/stall";
    }

    /** How many calls got their headers and the first bytes and were then left waiting. */
    int stalledCalls() {
        return stalled.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
