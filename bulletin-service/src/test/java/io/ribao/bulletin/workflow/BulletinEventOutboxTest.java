package io.ribao.bulletin.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.bulletin.db.TestDatabase;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.schemas.bulletin.BulletinState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulletin events reach {@code ribao.bulletins} even when the broker is away at the step (decision 436): queued in
 * the step's transaction, relayed in order, each once. The publisher here stands for the broker's answer; the
 * Kafka edge itself is {@code KafkaBulletinPublisherTest}.
 */
class BulletinEventOutboxTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);
    private static final Actor OFFICE = new Actor("u-office", "OFFICE", "demo-county", "10.0.0.1");
    private static final Actor DIRECTOR = new Actor("u-director", "DIRECTOR", "demo-county", "10.0.0.2");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T10:30:00Z"), ZoneOffset.UTC);

    private final List<BulletinEvent> published = new CopyOnWriteArrayList<>();
    private volatile boolean brokerAway;
    private final BulletinPublisher broker = event -> {
        if (brokerAway) {
            throw new IllegalStateException("record not written to ribao.bulletins within PT5S");
        }
        published.add(event);
    };
    private Jdbi jdbi;
    private BulletinService service;
    private BulletinEventOutbox afterRestart;

    @BeforeEach
    void readModelsOfOneDay() {
        jdbi = TestDatabase.fresh().jdbi();
        service = new BulletinService(jdbi, CLOCK, BulletinDelivery.NONE, broker, MetricNames.known());
        ReadModelSeed.oneDay(jdbi);
    }

    @AfterEach
    void stopTimer() throws InterruptedException {
        if (afterRestart != null) {
            afterRestart.stop();
        }
    }

    @Test
    void aStepTheBrokerTookLeavesNothingQueued() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);

        assertThat(published).extracting(BulletinEvent::getBulletinId, BulletinEvent::getState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(draft.id(), BulletinState.DRAFT));
        assertThat(service.events().queued()).isZero();
    }

    @Test
    void eventsTheBrokerDidNotTakeAreSentWhenItIsBackInTheOrderOfTheSteps() {
        brokerAway = true;
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.approve(draft.id(), DIRECTOR);
        service.release(draft.id(), DIRECTOR);

        // the steps stand; their events wait
        assertThat(service.find(draft.id()).orElseThrow().state()).isEqualTo(BulletinState.RELEASED);
        assertThat(published).isEmpty();
        assertThat(service.events().queued()).isEqualTo(3);

        brokerAway = false;
        assertThat(service.events().relay()).isEqualTo(3);

        assertThat(published).extracting(BulletinEvent::getState)
                .containsExactly(BulletinState.DRAFT, BulletinState.APPROVED, BulletinState.RELEASED);
        assertThat(published.get(2).getContentJson()).isNotBlank();
        assertThat(service.events().queued()).isZero();
        assertThat(service.events().relay()).isZero();
        assertThat(published).hasSize(3);
    }

    @Test
    void theNextStepSendsWhatAnEarlierOneLeftQueuedFirst() {
        brokerAway = true;
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        brokerAway = false;

        service.approve(draft.id(), DIRECTOR);

        assertThat(published).extracting(BulletinEvent::getState)
                .containsExactly(BulletinState.DRAFT, BulletinState.APPROVED);
        assertThat(service.events().queued()).isZero();
    }

    @Test
    void aRelayStopsAtTheFirstEventTheBrokerRefusesSoNoneOvertakesIt() {
        brokerAway = true;
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.approve(draft.id(), DIRECTOR);

        assertThat(service.events().relay()).isZero();

        assertThat(service.events().queued()).isEqualTo(2);
        assertThat(published).isEmpty();
    }

    @Test
    void aRefusedStepQueuesNoEvent() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        brokerAway = true;

        assertThatThrownBy(() -> service.release(draft.id(), DIRECTOR)).isInstanceOf(NotApproved.class);

        assertThat(service.events().queued()).isZero();
    }

    @Test
    void twoRelaysAtOnceSendEachEventOnce() throws Exception {
        brokerAway = true;
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.approve(draft.id(), DIRECTOR);
        service.release(draft.id(), DIRECTOR);
        CountDownLatch firstPublishing = new CountDownLatch(1);
        CountDownLatch secondPublishing = new CountDownLatch(2);
        CountDownLatch goOn = new CountDownLatch(1);
        List<BulletinEvent> sent = new CopyOnWriteArrayList<>();
        BulletinPublisher slowBroker = event -> {
            firstPublishing.countDown();
            secondPublishing.countDown();
            await(goOn);
            sent.add(event);
        };
        BulletinEventOutbox one = new BulletinEventOutbox(jdbi, slowBroker, CLOCK, Duration.ofHours(1));
        BulletinEventOutbox other = new BulletinEventOutbox(jdbi, slowBroker, CLOCK, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(one::relay);
            assertThat(firstPublishing.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> second = pool.submit(other::relay);
            // the second relay either waits for the first one's lock, or (without it) publishes the same events
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (relaysWaiting() == 0 && !secondPublishing.await(50, TimeUnit.MILLISECONDS)) {
                assertThat(System.nanoTime()).as("the second relay neither waits nor publishes").isLessThan(deadline);
            }
            goOn.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS) + second.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sent).extracting(BulletinEvent::getState)
                .containsExactly(BulletinState.DRAFT, BulletinState.APPROVED, BulletinState.RELEASED);
    }

    private int relaysWaiting() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").mapTo(Integer.class).one());
    }

    @Test
    void eventsLeftQueuedByAStoppedServiceAreSentWhenTheNextOneStarts() throws Exception {
        brokerAway = true;
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.approve(draft.id(), DIRECTOR);
        CountDownLatch bothSent = new CountDownLatch(2);
        List<BulletinEvent> sent = new CopyOnWriteArrayList<>();
        afterRestart = new BulletinEventOutbox(jdbi, event -> {
            sent.add(event);
            bothSent.countDown();
        }, CLOCK, Duration.ofHours(1));

        afterRestart.start();

        assertThat(bothSent.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sent).extracting(BulletinEvent::getState)
                .containsExactly(BulletinState.DRAFT, BulletinState.APPROVED);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
