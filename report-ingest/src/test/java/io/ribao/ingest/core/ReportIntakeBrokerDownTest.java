package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.auth.TokenAuthenticator;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.report.ReportEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the broker unreachable every write is answered 503 within its budget counted from its arrival (DESIGN.md §8),
 * also when it comes while the unit's previous write is unsettled or has left the unit in doubt; and only the first
 * write is ever sent (decision 418).
 */
class ReportIntakeBrokerDownTest {

    private static final Duration BUDGET = Duration.ofMillis(1500);
    /** When the dead journal's producer gives a write up (KafkaReportJournal's: 4.5 s of 5). */
    private static final Duration GIVES_UP = Duration.ofMillis(900);
    private static final String UNIT = "chk-tianbao-port";

    /** A journal whose broker stays unreachable: a write fails when its producer gives up, the log cannot be read. */
    private static final class UnreachableJournal implements ReportJournal {
        final List<ReportEvent> sent = new CopyOnWriteArrayList<>();
        final List<Duration> catchUpBounds = new CopyOnWriteArrayList<>();

        @Override
        public void append(ReportEvent event) {
            throw new AssertionError("the intake must not block on append");
        }

        @Override
        public CompletableFuture<Void> write(ReportEvent event) {
            sent.add(event);
            CompletableFuture<Void> write = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(GIVES_UP.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                    write.completeExceptionally(new ApiException(503, "BROKER_UNAVAILABLE", "gave up")));
            return write;
        }

        @Override
        public Duration writeGivesUpWithin() {
            return GIVES_UP;
        }

        @Override
        public boolean readBack() {
            return false;
        }

        /** Waits, as the report log does, for an end it never reaches, for as long as it is given. */
        @Override
        public void catchUp(Duration within) {
            catchUpBounds.add(within);
            try {
                new CompletableFuture<Void>().get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new ApiException(503, "BROKER_UNAVAILABLE", "log not read");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(503, "BROKER_UNAVAILABLE", "interrupted");
            }
        }
    }

    /** What a request was answered and how long after its arrival. */
    private record Answer(Throwable failure, Duration after) {
    }

    private final RosterView roster = DemoRoster.view();
    /** The service's clock, running: the deadlines are counted on it. */
    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(),
            ZonedDateTime.parse("2026-03-14T10:00:00+08:00[Asia/Shanghai]").toInstant()));
    private final ReportIndex index = new ReportIndex();
    private final UnreachableJournal journal = new UnreachableJournal();
    private final ReportIntake intake = new ReportIntake(roster, index, journal, event -> { }, clock, Runnable::run,
            BUDGET);
    private final Messages messages = Messages.english();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private RibaoPrincipal clerk() {
        return TokenAuthenticator.principalOf(roster.user("u-chk-tianbao-port-clerk"));
    }

    private RibaoPrincipal principal() {
        return TokenAuthenticator.principalOf(roster.user("u-chk-tianbao-port-zz"));
    }

    /** Submits a zero report on a caller thread of its own, as a request thread would. */
    private CompletableFuture<Answer> submitFrom(RibaoPrincipal actor) {
        return CompletableFuture.supplyAsync(() -> {
            long arrived = System.nanoTime();
            AnswerDeadline due = intake.answerDeadline();
            Throwable failure = null;
            try {
                intake.submitAsync(actor, new ReportRequest(UNIT, "2026-03-14", true, null, null, null), null, "ip",
                        messages, due).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (RuntimeException | InterruptedException | TimeoutException e) {
                failure = e;
            }
            return new Answer(failure, Duration.ofNanos(System.nanoTime() - arrived));
        }, callers);
    }

    private static void assertAnswered503WithinTheBudget(CompletableFuture<Answer> request) throws Exception {
        Answer answer = request.get(30, TimeUnit.SECONDS);
        assertThat(answer.failure()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(answer.after()).isLessThanOrEqualTo(BUDGET);
    }

    private void assertNothingAccepted() {
        assertThat(journal.sent).as("only the first write was sent").hasSize(1);
        assertThat(index.latestRevision(UNIT, LocalDate.parse("2026-03-14"))).isNull();
    }

    @Test
    void writesThatComeWhileTheUnitsWriteIsUnsettledAreAnswered503WithinTheirBudget() throws Exception {
        CompletableFuture<Answer> clerks = submitFrom(clerk());
        await().atMost(Duration.ofSeconds(5)).until(() -> journal.sent.size() == 1);

        CompletableFuture<Answer> principals = submitFrom(principal());
        CompletableFuture<Answer> clerksAgain = submitFrom(clerk());

        assertAnswered503WithinTheBudget(clerks);
        assertAnswered503WithinTheBudget(principals);
        assertAnswered503WithinTheBudget(clerksAgain);
        assertNothingAccepted();
    }

    @Test
    void whileTheLogCannotBeReadEveryWriteForAUnitInDoubtIsAnswered503WithinItsBudget() throws Exception {
        assertAnswered503WithinTheBudget(submitFrom(clerk()));   // failed and not read back: the unit is in doubt

        CompletableFuture<Answer> principals = submitFrom(principal());
        CompletableFuture<Answer> clerks = submitFrom(clerk());

        assertAnswered503WithinTheBudget(principals);
        assertAnswered503WithinTheBudget(clerks);
        assertThat(journal.catchUpBounds).isNotEmpty()
                .allSatisfy(bound -> assertThat(bound).isLessThanOrEqualTo(BUDGET.minus(GIVES_UP)));
        assertNothingAccepted();
    }
}
