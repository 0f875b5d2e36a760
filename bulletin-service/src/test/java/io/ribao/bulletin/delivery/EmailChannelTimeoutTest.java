package io.ribao.bulletin.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An SMTP server that stops reading in the middle of a message does not hold the send (decision 438). */
class EmailChannelTimeoutTest {

    @Test
    void aServerThatStopsReadingDuringTheMessageIsCutOffWithinTheTimeout() throws Exception {
        CountDownLatch testOver = new CountDownLatch(1);
        CountDownLatch dataAccepted = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread smtp = new Thread(() -> answerUntilData(server, dataAccepted, testOver), "stalling-smtp");
            smtp.setDaemon(true);
            smtp.start();
            EmailChannel email = new EmailChannel("127.0.0.1", server.getLocalPort(), "ribao@example.org", 500);
            // far more than the socket buffers hold, so the client's writes block once the server stops reading
            Message large = new Message("ALERT_DIGEST", "预警汇总", "预".repeat(10_000_000), null, Map.of());
            ChannelSpec spec = new ChannelSpec("email", null, "office@example.org", null);

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() ->
                    email.deliver(null, 1, "digest|u-office-1|k", "u-office-1", spec, large))
                    .isInstanceOf(DeliveryFailure.class), "a send held by a server that stopped reading");
            assertThat(dataAccepted.await(0, TimeUnit.SECONDS)).as("the server took the message's start").isTrue();
        } finally {
            testOver.countDown();
        }
    }

    /** Speaks SMTP up to DATA's 354, then reads nothing more until the test is over. */
    private static void answerUntilData(ServerSocket server, CountDownLatch dataAccepted, CountDownLatch testOver) {
        try (Socket client = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            reply(out, "220 stalling.example.org ESMTP");
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    dataAccepted.countDown();
                    testOver.await();
                    return;
                }
                reply(out, command.equals("QUIT") ? "221 bye" : "250 ok");
            }
        } catch (IOException e) {
            // the client gave up and closed: what the test expects
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
