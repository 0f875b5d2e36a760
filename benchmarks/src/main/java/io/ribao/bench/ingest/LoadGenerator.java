package io.ribao.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop HTTP load: {@code clients} threads each send the next request as soon as the previous one is
 * answered, for a warm-up and then a measured duration. Latency is from send to the whole answer read.
 */
public final class LoadGenerator {

    /** One request to send: the unit's bearer token and the JSON body. */
    public record Call(String token, String body) {
    }

    private final HttpClient http;
    private final int clients;

    public LoadGenerator(int clients) {
        this.clients = clients;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public LoadResult run(String endpoint, URI uri, List<Call> calls, Duration warmUp, Duration measured)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong next = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long until = measureFrom + measured.toNanos();
        AtomicLong cpuAtStart = new AtomicLong(-1);
        AtomicReference<Map<Long, Long>> threadsAtStart = new AtomicReference<>(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    Call call = calls.get((int) (next.getAndIncrement() % calls.size()));
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + call.token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(call.body()))
                            .build();
                    long sent = System.nanoTime();
                    boolean counted = sent >= measureFrom;
                    if (counted && cpuAtStart.get() < 0 && cpuAtStart.compareAndSet(-1, ProcessCpu.nanos())) {
                        threadsAtStart.set(CpuByPart.snapshot());
                    }
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - sent) / 1_000;
                        if (counted && response.statusCode() == 202) {
                            accepted.incrementAndGet();
                            recorder.recordValue(micros);
                        } else if (counted) {
                            rejected.incrementAndGet();
                        }
                    } catch (IOException e) {
                        if (counted) {
                            failed.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            }
        }
        long cpuNanos = ProcessCpu.nanos() - cpuAtStart.get();
        Map<CpuByPart.Part, Long> byPart = CpuByPart.since(threadsAtStart.get());
        pool.shutdown();
        Histogram histogram = recorder.getIntervalHistogram();
        return new LoadResult(endpoint, measured.toNanos() / 1e9, accepted.get(), rejected.get(), failed.get(),
                histogram, cpuNanos, byPart);
    }
}
