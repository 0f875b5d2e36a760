package io.ribao.ingest.roster;

import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.ingest.kafka.EventProducer;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes a validated roster to the compacted roster topics (acks=all), with tombstones for the units, forms and
 * users of the same jurisdiction that the new roster no longer has, then waits until this replica's
 * {@link RosterView} shows the new version, so a reload answered 200 is already in force here. With the broker
 * unreachable it gives up (503) at the first send that fails, or when the acknowledgements do not come within the
 * delivery timeout (decision 418).
 */
public final class RosterPublisher {

    /** What a publish changed. */
    public record Published(String jurisdictionId, long version, int units, int forms, int users,
                            int unitsRemoved, int formsRemoved, int usersRemoved) {
    }

    private final EventProducer producer;
    private final Topics topics;
    private final RosterView view;
    private final Clock clock;

    public RosterPublisher(EventProducer producer, Topics topics, RosterView view, Clock clock) {
        this.producer = producer;
        this.topics = topics;
        this.view = view;
        this.clock = clock;
    }

    public Published publish(Roster roster) {
        String jurisdictionId = roster.jurisdiction().getId();
        Jurisdiction previous = view.jurisdiction(jurisdictionId);
        long version = Math.max(clock.millis(), previous == null ? 0 : previous.getVersion() + 1);
        Jurisdiction jurisdiction = Jurisdiction.newBuilder(roster.jurisdiction()).setVersion(version).build();

        List<CompletableFuture<?>> writes = new ArrayList<>();
        Set<String> formIds = new HashSet<>();
        for (Form form : roster.forms()) {
            formIds.add(form.getId());
            send(writes, topics.forms(), form.getId(), form);
        }
        Set<String> userIds = new HashSet<>();
        for (User user : roster.users()) {
            userIds.add(user.getId());
            send(writes, topics.users(), user.getId(), user);
        }
        Set<String> unitIds = new HashSet<>();
        for (Unit unit : roster.units()) {
            unitIds.add(unit.getId());
            send(writes, topics.units(), unit.getId(), unit);
        }
        int unitsRemoved = 0;
        for (Unit unit : view.units()) {
            if (jurisdictionId.equals(unit.getJurisdictionId()) && !unitIds.contains(unit.getId())) {
                send(writes, topics.units(), unit.getId(), null);
                unitsRemoved++;
            }
        }
        int usersRemoved = 0;
        for (User user : view.users()) {
            if (jurisdictionId.equals(user.getJurisdictionId()) && !userIds.contains(user.getId())) {
                send(writes, topics.users(), user.getId(), null);
                usersRemoved++;
            }
        }
        // forms carry no jurisdiction: a form no unit of any other jurisdiction uses is removed with the roster
        Set<String> formsInUseElsewhere = new HashSet<>();
        for (Unit unit : view.units()) {
            if (!jurisdictionId.equals(unit.getJurisdictionId()) && unit.getFormId() != null) {
                formsInUseElsewhere.add(unit.getFormId());
            }
        }
        int formsRemoved = 0;
        for (Form form : view.forms()) {
            if (!formIds.contains(form.getId()) && !formsInUseElsewhere.contains(form.getId())) {
                send(writes, topics.forms(), form.getId(), null);
                formsRemoved++;
            }
        }
        producer.await(writes);
        // the jurisdiction goes last: a reader that sees the new version also has everything it refers to
        List<CompletableFuture<?>> last = new ArrayList<>();
        send(last, topics.jurisdictions(), jurisdictionId, jurisdiction);
        producer.await(last);
        awaitInView(roster, version);
        return new Published(jurisdictionId, version, roster.units().size(), roster.forms().size(),
                roster.users().size(), unitsRemoved, formsRemoved, usersRemoved);
    }

    /**
     * Sends one record, and stops the publish at once when it could not even be sent: without metadata every send
     * blocks {@code max.block.ms} before it fails, which for a whole roster would be minutes.
     */
    private <V> void send(List<CompletableFuture<?>> writes, Topic<String, V> topic, String key, V value) {
        CompletableFuture<?> write = producer.send(topic, key, value);
        if (write.isCompletedExceptionally()) {
            throw new BrokerUnavailableException(write.handle((sent, failure) -> failure).join());
        }
        writes.add(write);
    }

    private void awaitInView(Roster roster, long version) {
        String jurisdictionId = roster.jurisdiction().getId();
        try {
            view.awaitUntil(v -> {
                Jurisdiction seen = v.jurisdiction(jurisdictionId);
                return seen != null && seen.getVersion() == version
                        && roster.units().stream().allMatch(u -> u.equals(v.unit(u.getId())))
                        && roster.users().stream().allMatch(u -> u.equals(v.user(u.getId())))
                        && roster.forms().stream().allMatch(f -> f.equals(v.form(f.getId())));
            }, Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
