package io.ribao.bulletin.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.codahale.metrics.health.HealthCheck;
import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestClock;
import io.ribao.bulletin.db.ReadModelDao;
import io.ribao.bulletin.db.ReadModelRows;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.roster.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one bad receiver or one bad pass must not do to everyone else's alerts: the dispatcher is a single thread.
 * An alert about 天保口岸卡点 goes to its principal (u-port-sj, in-app only here) and to the supervision team
 * (u-dc-07), whose in-app message and webhook are queued before the principal's message.
 */
class DispatcherResilienceTest {

    private static final Duration DIGEST_WINDOW = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Receiver receiver = new Receiver();
    private TestClock clock;
    private Jdbi jdbi;

    @BeforeEach
    void county() {
        clock = new TestClock(Fixtures.DEADLINE);
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useExtension(ReadModelDao.class, dao -> {
            dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(Fixtures.jurisdiction()));
            Fixtures.units().forEach(u -> dao.upsertUnit(ReadModelRows.UnitRow.of(u)));
            Fixtures.users().forEach(u -> dao.upsertUser(ReadModelRows.UserRow.of(u)));
        });
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Dispatcher dispatcher(Channel inApp, Duration webhookTimeout, Duration poll) {
        return new Dispatcher(jdbi, clock, new Channels(Map.of("inapp", inApp,
                "webhook", new WebhookChannel(webhookTimeout))),
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10)), 3, Duration.ofMinutes(30),
                Duration.ofHours(1), poll);
    }

    private void supervisorsWebhook(String url) {
        User team = Fixtures.users().stream().filter(u -> u.getId().equals("u-dc-07")).findFirst().orElseThrow();
        jdbi.useExtension(ReadModelDao.class, dao -> dao.upsertUser(ReadModelRows.UserRow.of(User.newBuilder(team)
                .setChannels(List.of(io.ribao.schemas.roster.Channel.newBuilder().setType("webhook").setUrl(url)
                        .setFormat("json").build())).build())));
    }

    private void raiseDueAlert() {
        var alert = Fixtures.alert(AlertType.MISSING, "cp-tianbao-port", AlertState.RAISED, clock.instant(),
                List.of());
        jdbi.useTransaction(h -> {
            h.attach(ReadModelDao.class).raiseAlert(ReadModelRows.AlertRow.of(alert));
            new NoticePlanner(DIGEST_WINDOW).raised(h, alert);
        });
        clock.advance(DIGEST_WINDOW);
    }

    private List<String> inboxTitles(String recipientId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT title FROM inbox WHERE recipient_id = ? ORDER BY id")
                .bind(0, recipientId).mapTo(String.class).list());
    }

    private Map<String, Object> webhookRow() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT state, attempts, last_error FROM outbox WHERE channel ->> 'type' = 'webhook'")
                .mapToMap().one());
    }

    @Test
    void aReceiverThatStallsAfterItsHeadersIsCutOffAndRetriedAndHoldsNoOneUp() throws Exception {
        // given the supervisors' webhook answers 200 with a 100-byte body, sends one byte of it and stalls
        try (StallingReceiver stalling = new StallingReceiver()) {
            supervisorsWebhook(stalling.url());
            Dispatcher dispatcher = dispatcher(new InAppChannel(clock), Duration.ofMillis(500), POLL);
            raiseDueAlert();

            // when a pass sends the digests
            Dispatcher.Pass pass = assertTimeoutPreemptively(Duration.ofSeconds(10), dispatcher::dispatchDue,
                    "a pass held by a receiver that stalled after its headers");

            // then the stalled call is given up on and retried later; the principal's in-app message went out
            assertThat(stalling.stalledCalls()).isEqualTo(1);
            assertThat(pass.retrying()).isEqualTo(1);
            assertThat(pass.sent()).isEqualTo(2);
            assertThat(webhookRow()).containsEntry("state", "PENDING").containsEntry("attempts", 1);
            assertThat(webhookRow().get("last_error").toString()).contains("longer than");
            assertThat(inboxTitles("u-port-sj")).hasSize(1);
        }
    }

    @Test
    void ofAnEndlessAnswerOnlyTheFirstBytesAreRead() throws Exception {
        // given the supervisors' webhook answers 200, announces a megabyte, sends 20 KB of it and stalls
        try (StallingReceiver endless = new StallingReceiver(1_000_000, 20_000)) {
            supervisorsWebhook(endless.url());
            Dispatcher dispatcher = dispatcher(new InAppChannel(clock), Duration.ofSeconds(2), POLL);
            raiseDueAlert();

            Dispatcher.Pass pass = assertTimeoutPreemptively(Duration.ofSeconds(10), dispatcher::dispatchDue);

            // then the status and the first bytes were enough: the message counts as delivered
            assertThat(endless.stalledCalls()).isEqualTo(1);
            assertThat(pass.sent()).isEqualTo(3);
            assertThat(webhookRow()).containsEntry("state", "SENT");
        }
    }

    @Test
    void inAppMessagesGoOutBeforeASlowWebhookQueuedAheadOfThem() throws Exception {
        // given the supervisors' webhook, queued before the principal's in-app message, holds every call
        supervisorsWebhook(receiver.url("/slow"));
        Receiver.Hold slow = receiver.hold("/slow");
        Dispatcher dispatcher = dispatcher(new InAppChannel(clock), Duration.ofSeconds(20), POLL);
        raiseDueAlert();

        // when a pass runs and reaches the webhook
        CompletableFuture<Dispatcher.Pass> pass = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        List<String> principalsInboxWhileTheWebhookWaits;
        try {
            assertThat(slow.arrived().await(10, TimeUnit.SECONDS)).as("the webhook was called").isTrue();
            principalsInboxWhileTheWebhookWaits = inboxTitles("u-port-sj");
        } finally {
            slow.release().countDown();
        }

        // then the principal already had the alert in the app before the webhook was even answered
        assertThat(principalsInboxWhileTheWebhookWaits).hasSize(1);
        assertThat(pass.get(10, TimeUnit.SECONDS).sent()).isEqualTo(3);
    }

    @Test
    void anErrorInOnePassIsLoggedAndTheNextPassStillRuns() {
        // given an in-app channel that fails once with an error of the JVM itself, which aborts the pass
        AtomicBoolean failed = new AtomicBoolean();
        InAppChannel inbox = new InAppChannel(clock);
        Channel failsOnce = (handle, outboxId, messageKey, recipientId, spec, message) -> {
            if (failed.compareAndSet(false, true)) {
                throw new InternalError("thrown by the test, once");
            }
            inbox.deliver(handle, outboxId, messageKey, recipientId, spec, message);
        };
        Dispatcher dispatcher = dispatcher(failsOnce, Duration.ofSeconds(1), Duration.ofMillis(10));
        raiseDueAlert();

        // when the dispatcher runs on its timer
        dispatcher.start();
        try {
            // then a later pass delivers what the failed one could not
            await().atMost(Duration.ofSeconds(10)).until(() -> inboxTitles("u-port-sj").size() == 1
                    && inboxTitles("u-dc-07").size() == 1);
        } finally {
            stop(dispatcher);
        }
        assertThat(failed).isTrue();
    }

    @Test
    void aMessageThatCannotBeSentForAnErrorIsAFailedAttemptAndTheOthersGoOutInTheSamePass() {
        // given an in-app channel that overflows its stack on the township principal's message, every time
        InAppChannel inbox = new InAppChannel(clock);
        Channel overflowsForOne = (handle, outboxId, messageKey, recipientId, spec, message) -> {
            if (recipientId.equals("u-port-sj")) {
                throw new StackOverflowError("thrown by the test for u-port-sj");
            }
            inbox.deliver(handle, outboxId, messageKey, recipientId, spec, message);
        };
        Dispatcher dispatcher = dispatcher(overflowsForOne, Duration.ofSeconds(1), POLL);
        raiseDueAlert();

        // when one pass runs
        Dispatcher.Pass pass = dispatcher.dispatchDue();

        // then that message is a failed attempt, retried later, and the supervisors' message went out all the same
        assertThat(pass.retrying()).isEqualTo(1);
        assertThat(pass.sent()).isEqualTo(1);
        assertThat(inboxTitles("u-dc-07")).hasSize(1);
        assertThat(inboxTitles("u-port-sj")).isEmpty();
        String lastError = jdbi.withHandle(h -> h.createQuery(
                "SELECT last_error FROM outbox WHERE recipient_id = 'u-port-sj'").mapTo(String.class).one());
        assertThat(lastError).contains("StackOverflowError");
    }

    @Test
    void theHealthCheckFailsOnceNoPassAndNoSendFinishedForTenPollIntervals() {
        Dispatcher dispatcher = dispatcher(new InAppChannel(clock), Duration.ofSeconds(1), POLL);
        HealthCheck health = new DispatcherHealthCheck(dispatcher, clock, POLL.multipliedBy(10));
        dispatcher.dispatchDue();

        clock.advance(POLL.multipliedBy(10));
        HealthCheck.Result atTheBound = health.execute();
        clock.advance(Duration.ofMillis(1));
        HealthCheck.Result beyond = health.execute();
        dispatcher.dispatchDue();
        HealthCheck.Result afterAPass = health.execute();

        assertThat(atTheBound.isHealthy()).isTrue();
        assertThat(beyond.isHealthy()).isFalse();
        assertThat(beyond.getMessage()).contains("no pass and no send for PT10.001S");
        assertThat(afterAPass.isHealthy()).isTrue();
    }

    @Test
    void aPassBusyWithSlowSendsStaysHealthy() {
        // given sends that take 6 s each on the clock, so that a pass of two takes longer than the 10 s bound
        raiseDueAlert();
        AtomicReference<HealthCheck> health = new AtomicReference<>();
        List<Boolean> healthyDuringSends = new CopyOnWriteArrayList<>();
        InAppChannel inbox = new InAppChannel(clock);
        Channel slow = (handle, outboxId, messageKey, recipientId, spec, message) -> {
            clock.advance(Duration.ofSeconds(6));
            healthyDuringSends.add(health.get().execute().isHealthy());
            inbox.deliver(handle, outboxId, messageKey, recipientId, spec, message);
        };
        Dispatcher dispatcher = dispatcher(slow, Duration.ofSeconds(1), POLL);
        health.set(new DispatcherHealthCheck(dispatcher, clock, POLL.multipliedBy(10)));

        Dispatcher.Pass pass = dispatcher.dispatchDue();

        // then each finished send counts as progress
        assertThat(pass.sent()).isEqualTo(2);
        assertThat(healthyDuringSends).containsExactly(true, true);
    }

    private static void stop(Dispatcher dispatcher) {
        try {
            dispatcher.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
