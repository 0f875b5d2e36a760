package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.kit.error.ApiException;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadBackRoundsTest {

    /** A journal whose first read-back waits until the test lets it finish. */
    private static final class SlowJournal implements ReportJournal {
        final AtomicInteger readBacks = new AtomicInteger();
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Map<String, String> threads = new ConcurrentHashMap<>();

        @Override
        public void append(ReportEvent event) {
        }

        @Override
        public boolean readBack() {
            readBacks.incrementAndGet();
            firstEntered.countDown();
            threads.put(Thread.currentThread().getName(), "");
            try {
                return release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private final ReportIndex index = new ReportIndex();
    private final SlowJournal journal = new SlowJournal();
    private final ReadBackRounds rounds = new ReadBackRounds(journal, index);
    private final Map<String, Object> outcomes = new ConcurrentHashMap<>();
    private final CountDownLatch settled = new CountDownLatch(3);

    @Test
    void writesThatFailWhileAReadBackRunsShareTheNextOne() throws InterruptedException {
        ReportEvent landed = event("e-landed");
        index.apply(landed);   // the broker wrote it; only its acknowledgement was lost

        rounds.add(failed(landed));
        assertThat(journal.firstEntered.await(5, TimeUnit.SECONDS)).isTrue();
        rounds.add(failed(event("e-lost-1")));
        rounds.add(failed(event("e-lost-2")));
        journal.release.countDown();

        assertThat(settled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(journal.readBacks).hasValue(2);   // not one per failed write
        assertThat(outcomes.get("e-landed")).isEqualTo("landed");
        assertThat(outcomes.get("e-lost-1")).isInstanceOf(ApiException.class);
        assertThat(outcomes.get("e-lost-2")).isInstanceOf(ApiException.class);
        assertThat(journal.threads).containsOnlyKeys("report-read-back");
    }

    private ReadBackRounds.FailedWrite failed(ReportEvent event) {
        return new ReadBackRounds.FailedWrite(event, new ApiException(503, "BROKER_UNAVAILABLE", "lost"), outcome -> {
            outcomes.put(event.getEventId(), outcome == null ? "landed" : outcome);
            settled.countDown();
        });
    }

    private static ReportEvent event(String eventId) {
        return ReportEvent.newBuilder().setEventId(eventId).setType(ReportEventType.SIGNED_OFF)
                .setReportId("r-" + eventId).setJurisdictionId("demo-county").setUnitId("twn-tianbao")
                .setDate(LocalDate.parse("2026-03-14")).setRevision(1).setZeroReport(true).setMetrics(Map.of())
                .setSubmittedBy("u-principal").setSubmittedAt(Instant.parse("2026-03-14T02:00:00Z"))
                .setSignedAt(Instant.parse("2026-03-14T02:00:00Z")).build();
    }
}
