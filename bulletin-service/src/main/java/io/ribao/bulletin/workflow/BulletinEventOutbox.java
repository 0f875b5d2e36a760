package io.ribao.bulletin.workflow;

import io.dropwizard.lifecycle.Managed;
import io.ribao.schemas.bulletin.BulletinEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulletin events on their way to {@code ribao.bulletins} (decision 436). A step queues its event in its own
 * transaction, so the event exists exactly when the step does; {@link #relay} then publishes what is queued, in the
 * order the steps committed, and removes each event once the broker has acknowledged it. An event the broker could not
 * take stays queued and is relayed again on the next step or by the timer, also after a restart.
 */
public final class BulletinEventOutbox implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(BulletinEventOutbox.class);
    /** The advisory lock that lets one relay at a time publish, across threads and replicas, so order holds. */
    private static final long RELAY_LOCK = 0x52_69_62_61_6f_42_45_4fL;
    private static final int BATCH = 200;

    private final Jdbi jdbi;
    private final BulletinPublisher publisher;
    private final Clock clock;
    private final Duration retryInterval;
    private ScheduledExecutorService timer;

    public BulletinEventOutbox(Jdbi jdbi, BulletinPublisher publisher, Clock clock, Duration retryInterval) {
        this.jdbi = jdbi;
        this.publisher = publisher;
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /** Queues the event in the step's transaction: it is published only if that transaction commits. */
    public void queue(Handle transaction, BulletinEvent event) {
        transaction.createUpdate("INSERT INTO bulletin_event_outbox (bulletin_id, event, queued_at)"
                        + " VALUES (:bulletinId, :event, :at)")
                .bind("bulletinId", event.getBulletinId())
                .bind("event", encode(event))
                .bind("at", clock.instant())
                .execute();
    }

    /**
     * Publishes the queued events in order, waiting for a relay already under way; stops at the first the broker
     * does not take (it and those after it stay queued). Returns how many were published.
     */
    public int relay() {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS relaying").bind("key", RELAY_LOCK)
                    .mapTo(Integer.class).one();
            List<Queued> queued = h.createQuery("SELECT seq, event FROM bulletin_event_outbox ORDER BY seq LIMIT "
                    + BATCH).map((rs, ctx) -> new Queued(rs.getLong("seq"), rs.getBytes("event"))).list();
            int published = 0;
            for (Queued q : queued) {
                BulletinEvent event;
                try {
                    event = decode(q.event());
                } catch (RuntimeException e) {
                    LOG.error("queued bulletin event {} cannot be read; left in bulletin_event_outbox for the operator",
                            q.seq(), e);
                    continue;
                }
                try {
                    publisher.publish(event);
                } catch (RuntimeException e) {
                    LOG.warn("bulletin {} ({}) not yet published to ribao.bulletins, kept to be sent again: {}",
                            event.getBulletinId(), event.getState(), e.toString());
                    break;
                }
                h.createUpdate("DELETE FROM bulletin_event_outbox WHERE seq = :seq").bind("seq", q.seq()).execute();
                published++;
            }
            return published;
        });
    }

    /** How many events wait for the broker. */
    public int queued() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM bulletin_event_outbox")
                .mapTo(Integer.class).one());
    }

    /** Relays after a step committed: the step stands whatever happens here, so a failure is only logged. */
    void relayAfterCommit() {
        try {
            relay();
        } catch (RuntimeException e) {
            LOG.error("bulletin events could not be relayed; the timer tries again", e);
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bulletin-events");
            t.setDaemon(true);
            return t;
        });
        // at once: events a previous run left queued go out first
        timer.scheduleWithFixedDelay(this::relayAfterCommit, 0, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (timer != null) {
            timer.shutdown();
            timer.awaitTermination(15, TimeUnit.SECONDS);
        }
    }

    private static byte[] encode(BulletinEvent event) {
        try {
            ByteBuffer buffer = BulletinEvent.getEncoder().encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BulletinEvent decode(byte[] bytes) {
        try {
            return BulletinEvent.getDecoder().decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Queued(long seq, byte[] event) {
    }
}
