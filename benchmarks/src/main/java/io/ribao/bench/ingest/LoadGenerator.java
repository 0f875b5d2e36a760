package io.ribao.bench.ingest;

import io.ribao.bench.ProcessCpu;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * HTTP/1.1 load from one thread over keep-alive connections (in the manner of wrk): requests are encoded once, and a
 * selector loop writes them and reads the answers, so the generator takes a small share of the two cores it shares
 * with the service and the broker (the JDK's HttpClient, used before, took 65–120 µs of CPU per request here).
 *
 * <ul>
 *   <li>Closed loop ({@link #closedLoop}): each connection sends its next request as soon as the previous one is
 *       answered; latency is from sending to the whole answer read.</li>
 *   <li>Open loop ({@link #openLoop}): requests fall due at a fixed rate whatever the answers do and leave on the
 *       next free connection; latency is from the moment a request was due, so a server that falls behind is charged
 *       for the queue it causes (no coordinated omission).</li>
 * </ul>
 * Requests due in the warm-up are sent but not counted; the CPU window opens with the first counted request.
 */
public final class LoadGenerator {

    /** One request to send: the unit's bearer token and the JSON body. */
    public record Call(String token, String body) {
    }

    private static final long ANSWER_TIMEOUT = TimeUnit.SECONDS.toNanos(10);
    private static final long DRAIN_TIMEOUT = TimeUnit.SECONDS.toNanos(30);

    private final int connections;

    /** {@code connections}: the closed loop's clients, or the open loop's pool of connections. */
    public LoadGenerator(int connections) {
        this.connections = connections;
    }

    public LoadResult closedLoop(String endpoint, URI uri, List<Call> calls, Duration warmUp, Duration measured)
            throws InterruptedException {
        return run(endpoint, uri, calls, 0, warmUp, measured);
    }

    public LoadResult openLoop(String endpoint, URI uri, List<Call> calls, int perSecond, Duration warmUp,
                               Duration measured) throws InterruptedException {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("an open loop needs a rate above 0");
        }
        return run(endpoint, uri, calls, perSecond, warmUp, measured);
    }

    private LoadResult run(String endpoint, URI uri, List<Call> calls, int perSecond, Duration warmUp,
                           Duration measured) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.set(new Loop(uri, encode(uri, calls), perSecond, warmUp, measured).run(endpoint));
            } catch (IOException | RuntimeException e) {
                outcome.set(e);
            }
        }, "load-generator");
        thread.start();
        thread.join();
        if (outcome.get() instanceof LoadResult result) {
            return result;
        }
        throw new IllegalStateException("the load generator failed", (Throwable) outcome.get());
    }

    /** Each call as the bytes of a whole HTTP/1.1 request. */
    static List<ByteBuffer> encode(URI uri, List<Call> calls) {
        List<ByteBuffer> requests = new ArrayList<>(calls.size());
        for (Call call : calls) {
            byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Authorization: Bearer " + call.token() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
            ByteBuffer request = ByteBuffer.allocateDirect(headBytes.length + body.length);
            request.put(headBytes).put(body).flip();
            requests.add(request.asReadOnlyBuffer());
        }
        return requests;
    }

    /** A keep-alive connection and the request it is waiting on. */
    private static final class Connection {
        SocketChannel channel;
        SelectionKey key;
        final ResponseReader reader = new ResponseReader();
        ByteBuffer pending;
        long due = -1;
        boolean busy;
    }

    /** One run's selector loop, on the generator's thread. */
    private final class Loop {

        private final InetSocketAddress address;
        private final List<ByteBuffer> requests;
        private final long interval;
        private final Selector selector;
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        private final List<Connection> all = new ArrayList<>();
        private final Histogram latencyMicros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final long start;
        private final long measureFrom;
        private final long until;
        private long sent;
        private long accepted;
        private long rejected;
        private long failed;
        private long cpuAtStart = -1;
        private Map<Long, Long> threadsAtStart = Map.of();

        Loop(URI uri, List<ByteBuffer> requests, int perSecond, Duration warmUp, Duration measured)
                throws IOException {
            this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
            this.requests = requests;
            this.interval = perSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
            this.selector = Selector.open();
            this.start = System.nanoTime();
            this.measureFrom = start + warmUp.toNanos();
            this.until = measureFrom + measured.toNanos();
        }

        LoadResult run(String endpoint) throws IOException {
            try (selector) {
                for (int i = 0; i < connections; i++) {
                    Connection connection = new Connection();
                    connect(connection);
                    all.add(connection);
                    idle.add(connection);
                }
                long lastTimeoutCheck = System.nanoTime();
                while (true) {
                    long now = System.nanoTime();
                    sendDue(now);
                    boolean over = now >= until;
                    if (over && idle.size() == all.size()) {
                        break;
                    }
                    if (over && now - until > DRAIN_TIMEOUT) {
                        throw new IOException("requests still unanswered 30 s after the last was sent");
                    }
                    if (now - lastTimeoutCheck > TimeUnit.MILLISECONDS.toNanos(100)) {
                        expireAnswersOverdue(now);
                        lastTimeoutCheck = now;
                    }
                    selector.select(selectTimeoutMillis(now));
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle((Connection) key.attachment(), key);
                    }
                    selector.selectedKeys().clear();
                }
                for (Connection connection : all) {
                    connection.channel.close();
                }
            }
            long cpuNanos = cpuAtStart < 0 ? 0 : ProcessCpu.nanos() - cpuAtStart;
            return new LoadResult(endpoint, (until - measureFrom) / 1e9, accepted, rejected, failed, latencyMicros,
                    cpuNanos, cpuAtStart < 0 ? Map.of() : CpuByPart.since(threadsAtStart));
        }

        /** Sends what has fallen due on the idle connections: everything in a closed loop, the schedule in an open one. */
        private void sendDue(long now) throws IOException {
            while (!idle.isEmpty()) {
                long due = interval == 0 ? now : start + sent * interval;
                if (due > now || due >= until) {
                    return;
                }
                send(idle.poll(), requests.get((int) (sent % requests.size())).duplicate(), due);
                sent++;
            }
        }

        private long selectTimeoutMillis(long now) {
            if (interval == 0 || idle.isEmpty() || now >= until) {
                return 100;
            }
            long next = start + sent * interval;
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now));
        }

        private void send(Connection connection, ByteBuffer request, long due) throws IOException {
            if (due >= measureFrom && cpuAtStart < 0) {
                cpuAtStart = ProcessCpu.nanos();
                threadsAtStart = CpuByPart.snapshot();
            }
            connection.due = due;
            connection.busy = true;
            connection.pending = request;
            try {
                connection.channel.write(request);
            } catch (IOException e) {
                fail(connection);
                return;
            }
            connection.key.interestOps(request.hasRemaining()
                    ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void handle(Connection connection, SelectionKey key) throws IOException {
            try {
                if (key.isValid() && key.isWritable()) {
                    connection.channel.write(connection.pending);
                    if (!connection.pending.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (!key.isValid() || !key.isReadable()) {
                    return;
                }
                boolean open = connection.reader.readFrom(connection.channel);
                if (connection.busy && connection.reader.complete()) {
                    answered(connection);
                } else if (!open) {
                    fail(connection);
                }
            } catch (IOException e) {
                fail(connection);
            }
        }

        private void answered(Connection connection) throws IOException {
            long now = System.nanoTime();
            if (counted(connection.due)) {
                if (connection.reader.status() == 202) {
                    accepted++;
                    latencyMicros.recordValue(Math.min(latencyMicros.getHighestTrackableValue(),
                            (now - connection.due) / 1_000));
                } else {
                    rejected++;
                }
            }
            boolean reconnect = connection.reader.closeAfter();
            connection.reader.next();
            connection.busy = false;
            if (reconnect) {
                connection.key.cancel();
                connection.channel.close();
                connect(connection);
            }
            if (interval == 0 && now < until) {
                send(connection, requests.get((int) (sent++ % requests.size())).duplicate(), now);
            } else {
                idle.add(connection);
            }
        }

        /** A broken connection: its request, if counted, failed; a fresh connection takes its place. */
        private void fail(Connection connection) throws IOException {
            if (connection.busy && counted(connection.due)) {
                failed++;
            }
            connection.busy = false;
            connection.key.cancel();
            connection.channel.close();
            connect(connection);
            idle.add(connection);
        }

        private void expireAnswersOverdue(long now) throws IOException {
            for (Connection connection : all) {
                if (connection.busy && now - connection.due > ANSWER_TIMEOUT) {
                    fail(connection);
                }
            }
        }

        private boolean counted(long due) {
            return due >= measureFrom && due < until;
        }

        private void connect(Connection connection) throws IOException {
            SocketChannel channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            connection.channel = channel;
            connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
            connection.reader.reset();
        }
    }
}
