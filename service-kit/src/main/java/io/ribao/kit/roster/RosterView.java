package io.ribao.kit.roster;

import io.dropwizard.lifecycle.Managed;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import io.ribao.topics.TopicView;
import io.ribao.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The roster as the services see it: the latest jurisdictions, units, forms and users from the compacted roster
 * topics, followed live so a reload reaches every replica without a restart. Read-only.
 */
public final class RosterView implements Managed, AutoCloseable {

    private final RosterSource<Jurisdiction> jurisdictions;
    private final RosterSource<Unit> units;
    private final RosterSource<Form> forms;
    private final RosterSource<User> users;
    private final List<TopicView<?>> views;
    private final Object changes;
    private final TokenIndex tokens;

    private RosterView(RosterSource<Jurisdiction> jurisdictions, RosterSource<Unit> units, RosterSource<Form> forms,
                       RosterSource<User> users, List<TopicView<?>> views, Object changes, TokenIndex tokens) {
        this.jurisdictions = jurisdictions;
        this.units = units;
        this.forms = forms;
        this.users = users;
        this.views = views;
        this.changes = changes;
        this.tokens = tokens;
    }

    /** Starts following the four roster topics; call {@link #awaitCaughtUp} before serving. */
    public static RosterView start(String bootstrapServers, Topics topics) {
        Object changes = new Object();
        TopicView<Jurisdiction> j = new TopicView<>(topics.jurisdictions(), bootstrapServers)
                .onUpdate(v -> signal(changes)).start();
        TopicView<Unit> u = new TopicView<>(topics.units(), bootstrapServers).onUpdate(v -> signal(changes)).start();
        TopicView<Form> f = new TopicView<>(topics.forms(), bootstrapServers).onUpdate(v -> signal(changes)).start();
        TokenIndex byToken = new TokenIndex();
        TopicView<User> s = new TopicView<>(topics.users(), bootstrapServers).onUpdate(user -> {
            byToken.add(user);
            signal(changes);
        }).start();
        return new RosterView(sourceOf(j), sourceOf(u), sourceOf(f), sourceOf(s), List.of(j, u, f, s), changes,
                byToken);
    }

    private static void signal(Object changes) {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    /**
     * Waits until the roster satisfies a condition (e.g. a just-published version is visible), woken by each update.
     * Tombstones do not wake it, so a condition about removals alone is re-checked on the next update or timeout.
     */
    public boolean awaitUntil(Predicate<RosterView> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!condition.test(this)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(changes, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            return true;
        }
    }

    /** A roster that never changes, for tests of the plain classes that read it. */
    public static RosterView fixed(Collection<Jurisdiction> jurisdictions, Collection<Unit> units,
                                   Collection<Form> forms, Collection<User> users) {
        TokenIndex tokens = new TokenIndex();
        users.forEach(tokens::add);
        return new RosterView(
                fixedSource(jurisdictions, Jurisdiction::getId), fixedSource(units, Unit::getId),
                fixedSource(forms, Form::getId), fixedSource(users, User::getId), List.of(), new Object(), tokens);
    }

    private static <V> RosterSource<V> sourceOf(TopicView<V> view) {
        return new RosterSource<>() {
            @Override
            public V get(String id) {
                return id == null ? null : view.get(id);
            }

            @Override
            public Collection<V> values() {
                return view.values();
            }
        };
    }

    private static <V> RosterSource<V> fixedSource(Collection<V> values, Function<V, String> id) {
        Map<String, V> byId = values.stream().collect(Collectors.toUnmodifiableMap(id, v -> v));
        return new RosterSource<>() {
            @Override
            public V get(String key) {
                return key == null ? null : byId.get(key);
            }

            @Override
            public Collection<V> values() {
                return byId.values();
            }
        };
    }

    /** True once every roster topic has been read up to where it ended when the view started. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (TopicView<?> view : views) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!view.awaitCaughtUp(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True once every roster topic has been read up to what was committed to it when this was called: a publisher
     * works from the roster as it is, not as this replica last saw it (decision 421).
     */
    public boolean sync(Duration timeout) throws InterruptedException {
        List<CompletableFuture<Void>> synced = views.stream().map(TopicView::sync).toList();
        try {
            CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    public Unit unit(String id) {
        return id == null ? null : units.get(id);
    }

    public Form form(String id) {
        return id == null ? null : forms.get(id);
    }

    public User user(String id) {
        return id == null ? null : users.get(id);
    }

    public Jurisdiction jurisdiction(String id) {
        return id == null ? null : jurisdictions.get(id);
    }

    /** The jurisdiction when the roster has exactly one (the usual deployment), else null. */
    public Jurisdiction onlyJurisdiction() {
        Collection<Jurisdiction> all = jurisdictions.values();
        return all.size() == 1 ? all.iterator().next() : null;
    }

    public Collection<Jurisdiction> jurisdictions() {
        return List.copyOf(jurisdictions.values());
    }

    public Collection<Unit> units() {
        return List.copyOf(units.values());
    }

    public Collection<Form> forms() {
        return List.copyOf(forms.values());
    }

    public Collection<User> users() {
        return List.copyOf(users.values());
    }

    /** The user whose {@code tokenSha256} is this hex digest, or null (an indexed look-up, checked against the user). */
    public User userByTokenSha256(String hex) {
        return tokens.find(hex, users);
    }

    /** Direct children of a unit, by id. */
    public List<Unit> childrenOf(String unitId) {
        List<Unit> children = new ArrayList<>();
        for (Unit unit : units.values()) {
            if (unitId.equals(unit.getParentId())) {
                children.add(unit);
            }
        }
        children.sort(Comparator.comparing(Unit::getId));
        return children;
    }

    /** Units that name this user among their supervisors, by id. */
    public List<Unit> unitsSupervisedBy(String userId) {
        List<Unit> supervised = new ArrayList<>();
        for (Unit unit : units.values()) {
            if (unit.getSupervisorIds().contains(userId)) {
                supervised.add(unit);
            }
        }
        supervised.sort(Comparator.comparing(Unit::getId));
        return supervised;
    }

    @Override
    public void start() {
        // the views start in start(bootstrap, topics), so the roster is readable before Jetty starts
    }

    @Override
    public void stop() throws InterruptedException {
        close();
    }

    @Override
    public void close() throws InterruptedException {
        for (TopicView<?> view : views) {
            view.close();
        }
    }
}
