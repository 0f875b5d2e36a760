package io.ribao.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * An open-loop HTTP load: requests leave at a fixed rate whatever the answers do, as clients arrive in the real
 * world. Latency is measured from the moment a request was due to leave, so a server that falls behind is charged
 * for the queue it causes (no coordinated omission). A request that would exceed {@code maxOutstanding} in flight is
 * not sent and counts as failed.
 */
public final class FixedRateLoad {

    private final HttpClient http;
    private final int maxOutstanding;

    public FixedRateLoad(int maxOutstanding) {
        this.maxOutstanding = maxOutstanding;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public LoadResult run(String endpoint, URI uri, List<LoadGenerator.Call> calls, int perSecond, Duration warmUp,
                          Duration measured) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxOutstanding);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long until = measureFrom + measured.toNanos();
        long cpuAtStart = -1;
        Map<Long, Long> threadsAtStart = Map.of();
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due >= until) {
                break;
            }
            long early = due - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(early);
            }
            boolean counted = due >= measureFrom;
            if (counted && cpuAtStart < 0) {
                cpuAtStart = ProcessCpu.nanos();
                threadsAtStart = CpuByPart.snapshot();
            }
            if (!inFlight.tryAcquire()) {
                if (counted) {
                    failed.incrementAndGet();
                }
                continue;
            }
            LoadGenerator.Call call = calls.get((int) (i % calls.size()));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + call.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call.body()))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                inFlight.release();
                if (!counted) {
                    return;
                }
                if (failure != null) {
                    failed.incrementAndGet();
                } else if (response.statusCode() == 202) {
                    accepted.incrementAndGet();
                    recorder.recordValue((System.nanoTime() - due) / 1_000);
                } else {
                    rejected.incrementAndGet();
                }
            });
        }
        if (!inFlight.tryAcquire(maxOutstanding, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still unanswered 30 s after the last was sent");
        }
        long cpuNanos = ProcessCpu.nanos() - cpuAtStart;
        return new LoadResult(endpoint, measured.toNanos() / 1e9, accepted.get(), rejected.get(), failed.get(),
                recorder.getIntervalHistogram(), cpuNanos, CpuByPart.since(threadsAtStart));
    }
}
