package io.ribao.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.bench.ingest.CpuByPart.Part;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuByPartTest {

    @Test
    void threadsAreSortedByTheirNames() {
        assertThat(CpuByPart.of("dw-41 - POST /api/v1/reports")).isEqualTo(Part.REQUESTS);
        assertThat(CpuByPart.of("ingest-answers-1")).isEqualTo(Part.REQUESTS);
        assertThat(CpuByPart.of("kafka-producer-network-thread | report-ingest-audit")).isEqualTo(Part.CLIENTS);
        assertThat(CpuByPart.of("report-log")).isEqualTo(Part.CLIENTS);
        assertThat(CpuByPart.of("view-ribao.roster.units")).isEqualTo(Part.CLIENTS);
        assertThat(CpuByPart.of("load-generator")).isEqualTo(Part.GENERATOR);
        assertThat(CpuByPart.of("HttpClient-1-SelectorManager")).isEqualTo(Part.GENERATOR);
        assertThat(CpuByPart.of("data-plane-kafka-request-handler-0")).isEqualTo(Part.BROKER);
        assertThat(CpuByPart.of("kafka-0-raft-io-thread")).isEqualTo(Part.BROKER);
    }

    @Test
    void theCpuOfAThreadIsCountedInItsPart() throws InterruptedException {
        Map<Long, Long> start = CpuByPart.snapshot();
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double x = 0;
            while (threads.getCurrentThreadCpuTime() < 30_000_000) {
                x += Math.sqrt(x + 1);
            }
            burnt.countDown();
            awaitQuietly(release);
        }, "dw-test-worker");
        worker.start();

        assertThat(burnt.await(60, TimeUnit.SECONDS)).isTrue();
        Map<Part, Long> byPart = CpuByPart.since(start);
        release.countDown();
        worker.join(10_000);

        assertThat(byPart.get(Part.REQUESTS)).isGreaterThanOrEqualTo(30_000_000);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
