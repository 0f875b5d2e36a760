package io.ribao.ingest.roster;

import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.ingest.kafka.OneTransaction;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.audit.AuditEvent;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import io.ribao.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Publishes a validated roster to the compacted roster topics — working from the roster as committed, which this
 * replica's {@link RosterView} reads up to first — with tombstones for the units, forms and users of the
 * same jurisdiction that the new roster no longer has, the new jurisdiction version and (for a reload) its audit
 * record — all as one Kafka transaction, so a publish that fails part way leaves nothing in force (decision 421).
 * Every publish, of any jurisdiction, uses one transactional id: the later of two at once fences the earlier, so a
 * roster is checked against its {@link JurisdictionBoundary} and its shared forms on what is committed, and nothing
 * another publish commits can come between that check and this commit (decision 423).
 * Then it waits, within what is left of the budget, until this replica's {@link RosterView} shows the new version:
 * {@link Published#inForceHere()} says whether it did. With the broker unreachable it gives up (503) within the
 * budget (decisions 418, 421).
 */
public final class RosterPublisher {

    /** What a publish changed, and whether this replica's roster view already showed it when the publish returned. */
    public record Published(String jurisdictionId, long version, int units, int forms, int users,
                            int unitsRemoved, int formsRemoved, int usersRemoved, boolean inForceHere) {

        Published withInForceHere(boolean seen) {
            return new Published(jurisdictionId, version, units, forms, users, unitsRemoved, formsRemoved,
                    usersRemoved, seen);
        }
    }

    /** One for every jurisdiction: roster publishes follow one another (decision 423). */
    static final String TRANSACTIONAL_ID = "report-ingest-roster";

    private final String bootstrapServers;
    private final Topics topics;
    private final RosterView view;
    private final Clock clock;

    public RosterPublisher(String bootstrapServers, Topics topics, RosterView view, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.view = view;
        this.clock = clock;
    }

    /** Publishes without an audit record (the roster file at start-up). */
    public Published publish(Roster roster, Duration budget) {
        return publish(roster, budget, published -> null);
    }

    /**
     * Publishes with the audit record {@code auditRecord} makes of the result (null for none), in the same commit.
     * Throws {@link InvalidRosterException} when the roster names a unit or user another jurisdiction has, and
     * {@link OneTransaction.Superseded} when another publish started before this one committed; nothing is then in
     * force of it.
     */
    public Published publish(Roster roster, Duration budget, Function<Published, AuditEvent> auditRecord) {
        long deadline = System.nanoTime() + budget.toNanos();
        String jurisdictionId = roster.jurisdiction().getId();
        Published published;
        List<Unit> units;
        // one transactional id for all rosters: starting it fences any earlier publish (409) and finishes whatever
        // such a publish left open, so what the view then reads is the roster as it stands until this commit
        try (OneTransaction transaction = OneTransaction.begin(bootstrapServers, TRANSACTIONAL_ID, budget, clock)) {
            // the boundary, tombstones, the version and suspension dates come from the roster as committed, not as
            // last seen here
            syncView(budget.dividedBy(5));
            new JurisdictionBoundary(view).check(roster);
            Jurisdiction previous = view.jurisdiction(jurisdictionId);
            long version = Math.max(clock.millis(), previous == null ? 0 : previous.getVersion() + 1);
            Jurisdiction jurisdiction = Jurisdiction.newBuilder(roster.jurisdiction()).setVersion(version).build();
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(jurisdiction.getTimezone())));
            units = roster.units().stream().map(unit -> dated(unit, today)).toList();
            published = write(transaction, roster, units, jurisdiction);
            AuditEvent audit = auditRecord.apply(published);
            if (audit != null) {
                transaction.send(topics.audit(), audit.getActor(), audit);
            }
            transaction.commit();
        }
        return published.withInForceHere(awaitInView(roster, units, published.version(), left(deadline)));
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private void syncView(Duration timeout) {
        try {
            if (!view.sync(timeout)) {
                throw new BrokerUnavailableException(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        }
    }

    /** The roster's records, tombstones for what it no longer has, and the jurisdiction last. */
    private Published write(OneTransaction transaction, Roster roster, List<Unit> units, Jurisdiction jurisdiction) {
        String jurisdictionId = jurisdiction.getId();
        Set<String> formIds = new HashSet<>();
        for (Form form : roster.forms()) {
            formIds.add(form.getId());
            transaction.send(topics.forms(), form.getId(), form);
        }
        Set<String> userIds = new HashSet<>();
        for (User user : roster.users()) {
            userIds.add(user.getId());
            transaction.send(topics.users(), user.getId(), user);
        }
        Set<String> unitIds = new HashSet<>();
        for (Unit unit : units) {
            unitIds.add(unit.getId());
            transaction.send(topics.units(), unit.getId(), unit);
        }
        int unitsRemoved = 0;
        for (Unit unit : view.units()) {
            if (jurisdictionId.equals(unit.getJurisdictionId()) && !unitIds.contains(unit.getId())) {
                transaction.send(topics.units(), unit.getId(), null);
                unitsRemoved++;
            }
        }
        int usersRemoved = 0;
        for (User user : view.users()) {
            if (jurisdictionId.equals(user.getJurisdictionId()) && !userIds.contains(user.getId())) {
                transaction.send(topics.users(), user.getId(), null);
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
                transaction.send(topics.forms(), form.getId(), null);
                formsRemoved++;
            }
        }
        transaction.send(topics.jurisdictions(), jurisdictionId, jurisdiction);
        return new Published(jurisdictionId, jurisdiction.getVersion(), units.size(), roster.forms().size(),
                roster.users().size(), unitsRemoved, formsRemoved, usersRemoved, false);
    }

    /**
     * A unit the roster suspends without a date is suspended from the date it first was: today in the jurisdiction,
     * or the date an earlier publish gave it (decision 422). The days before stay as they were, also after a restart.
     */
    private Unit dated(Unit unit, LocalDate today) {
        if (!unit.getSuspended() || unit.getSuspendedFrom() != null) {
            return unit;
        }
        Unit previous = view.unit(unit.getId());
        if (previous != null && previous.getSuspended()) {
            // null from a publish before suspensions were dated: suspended every day, as it was
            return previous.getSuspendedFrom() == null ? unit
                    : Unit.newBuilder(unit).setSuspendedFrom(previous.getSuspendedFrom()).build();
        }
        return Unit.newBuilder(unit).setSuspendedFrom(today).build();
    }

    /**
     * Whether this replica's view shows the roster's records, under any version, within {@code timeout}: another
     * replica published the same file (a replica fenced at start-up asks before publishing again).
     */
    public boolean inForce(Roster roster, Duration timeout) {
        Jurisdiction wanted = roster.jurisdiction();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(wanted.getTimezone())));
        List<Unit> units = roster.units().stream().map(unit -> dated(unit, today)).toList();
        return awaitShown(roster, units, seen -> Jurisdiction.newBuilder(seen).setVersion(wanted.getVersion()).build()
                .equals(wanted), timeout);
    }

    private boolean awaitInView(Roster roster, List<Unit> units, long version, Duration timeout) {
        return awaitShown(roster, units, seen -> seen.getVersion() == version, timeout);
    }

    /** Waits until the view shows the jurisdiction as {@code wanted} says and every unit, user and form as given. */
    private boolean awaitShown(Roster roster, List<Unit> units, Predicate<Jurisdiction> wanted, Duration timeout) {
        String jurisdictionId = roster.jurisdiction().getId();
        try {
            return view.awaitUntil(v -> {
                Jurisdiction seen = v.jurisdiction(jurisdictionId);
                return seen != null && wanted.test(seen)
                        && units.stream().allMatch(u -> u.equals(v.unit(u.getId())))
                        && roster.users().stream().allMatch(u -> u.equals(v.user(u.getId())))
                        && roster.forms().stream().allMatch(f -> f.equals(v.form(f.getId())));
            }, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
