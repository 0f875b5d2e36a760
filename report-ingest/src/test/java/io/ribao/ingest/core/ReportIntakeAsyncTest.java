package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.MutableClock;
import io.ribao.ingest.api.ReportReceipt;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.auth.TokenAuthenticator;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.report.ReportEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes answered when the journal acknowledges, not by holding the caller (decision 413): the answer waits for the
 * acknowledgement, a unit's writes still follow one another, and a failed write is read back off the journal's thread.
 */
class ReportIntakeAsyncTest {

    /** A journal whose writes are acknowledged (or failed) when the test says so. */
    private static final class HeldJournal implements ReportJournal {
        final List<CompletableFuture<Void>> writes = new CopyOnWriteArrayList<>();
        final List<ReportEvent> events = new CopyOnWriteArrayList<>();
        volatile String readBackThread;

        @Override
        public void append(ReportEvent event) {
            throw new AssertionError("the intake must not block on append");
        }

        @Override
        public CompletableFuture<Void> write(ReportEvent event) {
            CompletableFuture<Void> write = new CompletableFuture<>();
            events.add(event);
            writes.add(write);
            return write;
        }

        @Override
        public boolean readBack() {
            readBackThread = Thread.currentThread().getName();
            return true;
        }
    }

    private final RosterView roster = DemoRoster.view();
    private final MutableClock clock = MutableClock.atShanghai("2026-03-14T10:00:00");
    private final ReportIndex index = new ReportIndex();
    private final HeldJournal journal = new HeldJournal();
    private final ReportIntake intake = new ReportIntake(roster, index, journal, event -> { }, clock);
    private final Messages messages = Messages.english();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private RibaoPrincipal principal() {
        return TokenAuthenticator.principalOf(roster.user("u-chk-mali-highway-zz"));
    }

    private static ReportRequest zero() {
        return new ReportRequest("chk-mali-highway", "2026-03-14", true, null, null, null);
    }

    private CompletableFuture<ReportReceipt> submitAsync() {
        return intake.submitAsync(principal(), zero(), null, "ip", messages, intake.answerDeadline());
    }

    @Test
    void theAnswerComesWhenTheJournalAcknowledgesAndNotBefore() {
        CompletableFuture<ReportReceipt> answer = submitAsync();

        assertThat(answer).isNotDone();
        assertThat(index.latestRevision("chk-mali-highway", LocalDate.parse("2026-03-14"))).isNull();

        journal.writes.get(0).complete(null);

        assertThat(answer).isCompleted();
        assertThat(answer.join().revision()).isEqualTo(1);
        assertThat(index.latestRevision("chk-mali-highway", LocalDate.parse("2026-03-14"))).isNotNull();
    }

    @Test
    void aUnitsNextWriteWaitsUntilItsPreviousIsSettled() throws Exception {
        CompletableFuture<ReportReceipt> first = submitAsync();
        Future<CompletableFuture<ReportReceipt>> second = callers.submit(
                () -> submitAsync());

        // the second cannot number its revision while the first is unacknowledged
        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
        assertThat(journal.writes).hasSize(1);

        journal.writes.get(0).complete(null);
        CompletableFuture<ReportReceipt> secondAnswer = second.get(5, TimeUnit.SECONDS);
        journal.writes.get(1).complete(null);

        assertThat(first.join().revision()).isEqualTo(1);
        assertThat(secondAnswer.join().revision()).isEqualTo(2);
    }

    @Test
    void aFailedWriteIsReadBackOnAThreadOfItsOwnAndAcceptedWhenItLanded() throws Exception {
        CompletableFuture<ReportReceipt> answer = submitAsync();
        ReportEvent sent = journal.events.get(0);
        Thread io = new Thread(() -> {
            index.apply(sent);   // the broker wrote it; only the acknowledgement is lost
            journal.writes.get(0).completeExceptionally(new ApiException(503, "BROKER_UNAVAILABLE", "lost"));
        }, "journal-io");
        io.start();
        io.join();

        assertThat(answer.get(5, TimeUnit.SECONDS).revision()).isEqualTo(1);
        assertThat(journal.readBackThread).isNotNull().isNotEqualTo("journal-io");
    }

    @Test
    void aFailedWriteThatDidNotLandIsAnswered503() {
        CompletableFuture<ReportReceipt> answer = submitAsync();
        journal.writes.get(0).completeExceptionally(new ApiException(503, "BROKER_UNAVAILABLE", "down"));

        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ApiException.class);
        assertThat(index.latestRevision("chk-mali-highway", LocalDate.parse("2026-03-14"))).isNull();
    }
}
