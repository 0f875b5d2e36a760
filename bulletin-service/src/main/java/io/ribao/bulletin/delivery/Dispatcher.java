package io.ribao.bulletin.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import io.dropwizard.lifecycle.Managed;
import io.ribao.bulletin.db.JsonColumns;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves alerts from notices to messages and messages out through their channels. Runs on a timer, but every
 * decision (what is due, escalation, repeats, backoff) is taken against the injected clock, so tests call
 * {@link #dispatchDue()} after moving a test clock.
 */
public final class Dispatcher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_SENDS_PER_PASS = 500;

    /** How a pass went, for tests and logs. */
    public record Pass(int escalated, int repeated, int queued, int suppressed, int sent, int retrying,
                       int failed) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Channels channels;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration escalationDelay;
    private final Duration repeatInterval;
    private final Duration pollInterval;
    private final DigestComposer composer = new DigestComposer();
    private ScheduledExecutorService timer;
    /** When the last pass or send finished (or the dispatcher started), on the injected clock. */
    private volatile Instant lastProgress;

    public Dispatcher(Jdbi jdbi, Clock clock, Channels channels, Backoff backoff, int maxAttempts,
                      Duration escalationDelay, Duration repeatInterval, Duration pollInterval) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.channels = channels;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.escalationDelay = escalationDelay;
        this.repeatInterval = repeatInterval;
        this.pollInterval = pollInterval;
        this.lastProgress = clock.instant();
    }

    @Override
    public void start() {
        lastProgress = clock.instant();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-dispatcher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::dispatchLogged, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (timer != null) {
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void dispatchLogged() {
        try {
            dispatchDue();
        } catch (Throwable e) { // an Error too: anything thrown out of here would end the timer for good, unlogged
            LOG.error("dispatch pass failed; the next pass tries again", e);
        }
    }

    /** When the dispatcher last finished a pass or a send (or started): what its health check looks at. */
    public Instant lastProgress() {
        return lastProgress;
    }

    /** One pass: escalate, plan repeats, turn due notices into digests, send what is due. */
    public synchronized Pass dispatchDue() {
        Instant now = clock.instant();
        int escalated = escalate(now);
        int repeated = jdbi.withExtension(DeliveryDao.class,
                dao -> dao.planRepeats(now, repeatInterval.toSeconds()));
        int[] queued = queueDigests(now);
        int[] sent = sendDue(now);
        lastProgress = clock.instant();
        return new Pass(escalated, repeated, queued[0], queued[1], sent[0], sent[1], sent[2]);
    }

    private int escalate(Instant now) {
        return jdbi.inTransaction(h -> {
            DeliveryDao dao = h.attach(DeliveryDao.class);
            int planned = 0;
            for (DeliveryDao.Escalation e : dao.dueEscalations(now.minus(escalationDelay))) {
                if (e.parent().suspended()) {
                    continue;
                }
                for (String recipient : AlertRouting.escalation(e.parent().people())) {
                    planned += dao.planNotice(e.alertId(), recipient, 0, "ESCALATION", now,
                            DigestSlot.key(recipient, e.day(), io.ribao.schemas.alert.AlertType.valueOf(e.type())),
                            now);
                }
            }
            return planned;
        });
    }

    /** @return {queued, suppressed} notices */
    private int[] queueDigests(Instant now) {
        return jdbi.inTransaction(h -> {
            DeliveryDao dao = h.attach(DeliveryDao.class);
            Map<String, List<DeliveryDao.DueNotice>> groups = new LinkedHashMap<>();
            int suppressed = 0;
            for (DeliveryDao.DueNotice n : dao.dueNotices(now)) {
                if (!n.stillOpen()) {
                    // resolved, acknowledged or suspended before it went out: never sent
                    dao.suppressNotice(n.alertId(), n.recipientId(), n.round());
                    suppressed++;
                    continue;
                }
                groups.computeIfAbsent(n.digestKey(), k -> new ArrayList<>()).add(n);
            }
            int queued = 0;
            for (List<DeliveryDao.DueNotice> group : groups.values()) {
                String recipient = group.get(0).recipientId();
                Message message = composer.compose(recipient, group);
                String digestId = digestId(group);
                for (ChannelSpec spec : channelsOf(dao, recipient)) {
                    dao.enqueue(new DeliveryDao.NewMessage("alert|" + digestId + "|" + spec.id(), message.kind(),
                            recipient, JsonColumns.write(spec), message.title(), message.text(),
                            JsonColumns.write(messageColumns(message)), now));
                }
                for (DeliveryDao.DueNotice n : group) {
                    dao.queueNotice(n.alertId(), n.recipientId(), n.round(), digestId, now);
                    queued++;
                }
            }
            return new int[] {queued, suppressed};
        });
    }

    private static List<ChannelSpec> channelsOf(DeliveryDao dao, String recipient) {
        List<ChannelSpec> specs = new ArrayList<>();
        specs.add(ChannelSpec.IN_APP);
        Optional<String> json = dao.channelsOf(recipient);
        json.ifPresent(j -> specs.addAll(JsonColumns.read(j, new TypeReference<List<ChannelSpec>>() { })));
        return specs;
    }

    /** The outbox keeps what every channel needs; the webhook body is derived from it when sending. */
    static Map<String, Object> messageColumns(Message message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("markdown", message.markdown());
        m.put("payload", message.payload());
        return m;
    }

    private static String digestId(List<DeliveryDao.DueNotice> group) {
        StringBuilder s = new StringBuilder(group.get(0).recipientId());
        group.stream().map(n -> n.alertId() + "#" + n.round()).sorted().forEach(k -> s.append('|').append(k));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private enum Outcome { SENT, RETRYING, FAILED }

    /**
     * The in-app rows first: they need no network, so a slow or unreachable receiver never holds them up. Then the
     * webhooks and mails, oldest due first.
     *
     * @return {sent, retrying, failed for good}
     */
    private int[] sendDue(Instant now) {
        int[] counts = new int[3];
        int sends = 0;
        for (boolean inApp : new boolean[] {true, false}) {
            while (sends < MAX_SENDS_PER_PASS) {
                Optional<Outcome> outcome = sendOne(now, inApp);
                if (outcome.isEmpty()) {
                    break;
                }
                counts[outcome.get().ordinal()]++;
                sends++;
                lastProgress = clock.instant();
            }
        }
        return counts;
    }

    /** Claims and sends one due message, in-app or not; empty when there is none. */
    private Optional<Outcome> sendOne(Instant now, boolean inApp) {
        return jdbi.inTransaction(h -> {
            DeliveryDao dao = h.attach(DeliveryDao.class);
            Optional<DeliveryDao.OutboxRow> claimed = dao.claimDue(now, inApp);
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            DeliveryDao.OutboxRow row = claimed.get();
            int attempt = row.attempts() + 1;
            ChannelSpec spec = JsonColumns.read(row.channelJson(), new TypeReference<ChannelSpec>() { });
            Map<String, Object> columns = JsonColumns.readMap(row.payloadJson());
            @SuppressWarnings("unchecked")
            Message message = new Message(row.kind(), row.title(), row.body(),
                    (String) columns.get("markdown"), (Map<String, Object>) columns.get("payload"));
            try {
                channels.forType(spec.type()).deliver(h, row.id(), row.messageKey(), row.recipientId(), spec,
                        message);
                dao.recordAttempt(row.id(), attempt, clock.instant(), true, null);
                dao.markSent(row.id(), attempt, clock.instant());
                return Optional.of(Outcome.SENT);
            } catch (DeliveryFailure | RuntimeException e) {
                return Optional.of(failed(dao, row, spec, attempt, now, e.getMessage()));
            } catch (Error e) {
                // out of memory and the like are the JVM's state, not the message's
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw e;
                }
                // one message that cannot be sent (a StackOverflowError rendering its PDF, a class that cannot load)
                // is that message's failed attempt: it must not abort every pass ahead of the others (decision 438)
                LOG.error("delivery {} to {} via {} failed with an error", row.messageKey(), row.recipientId(),
                        spec.type(), e);
                return Optional.of(failed(dao, row, spec, attempt, now, e.toString()));
            }
        });
    }

    private Outcome failed(DeliveryDao dao, DeliveryDao.OutboxRow row, ChannelSpec spec, int attempt, Instant now,
                           String error) {
        dao.recordAttempt(row.id(), attempt, clock.instant(), false, error);
        boolean givingUp = attempt >= maxAttempts;
        dao.markFailed(row.id(), givingUp ? "FAILED" : "PENDING", attempt, now.plus(backoff.after(attempt)), error);
        if (givingUp) {
            LOG.warn("delivery {} to {} via {} failed for good after {} attempts: {}",
                    row.messageKey(), row.recipientId(), spec.type(), attempt, error);
        } else {
            LOG.info("delivery {} to {} via {} failed (attempt {} of {}), retried at {}: {}",
                    row.messageKey(), row.recipientId(), spec.type(), attempt, maxAttempts,
                    now.plus(backoff.after(attempt)), error);
        }
        return givingUp ? Outcome.FAILED : Outcome.RETRYING;
    }
}
