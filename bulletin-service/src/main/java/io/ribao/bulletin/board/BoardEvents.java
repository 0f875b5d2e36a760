package io.ribao.bulletin.board;

import io.dropwizard.lifecycle.Managed;
import io.ribao.bulletin.core.Instants;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.db.JsonColumns;
import io.ribao.bulletin.projection.Applied;
import io.ribao.bulletin.projection.ProjectionListener;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Pushes committed changes to the open dashboards: each subscriber gets the status and alert changes of the units
 * it may see, as JSON lines, instants in the unit's jurisdiction's wall-clock time as the API gives them. A slow
 * subscriber whose queue is full loses events and is told to reload.
 */
public final class BoardEvents implements ProjectionListener, Managed {

    /** Closes a subscriber's stream. */
    static final String END = "";
    static final String RELOAD = "{\"type\":\"reload\"}";
    private static final int QUEUE = 1000;

    /** Whose changes one dashboard is told of. */
    @FunctionalInterface
    public interface Audience {
        boolean sees(String jurisdictionId, String unitId);
    }

    /** One open dashboard. */
    public final class Subscription implements AutoCloseable {
        private final Audience audience;
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(QUEUE);

        private Subscription(Audience audience) {
            this.audience = audience;
        }

        public BlockingQueue<String> queue() {
            return queue;
        }

        void offer(String jurisdictionId, String unitId, String json) {
            if (audience.sees(jurisdictionId, unitId) && !queue.offer(json)) {
                queue.clear();
                queue.offer(RELOAD);
            }
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Zones zones;

    /** @param zones the jurisdictions' time zones, as the live roster has them */
    public BoardEvents(Zones zones) {
        this.zones = zones;
    }

    public Subscription subscribe(Audience audience) {
        Subscription s = new Subscription(audience);
        subscriptions.add(s);
        return s;
    }

    public int subscribers() {
        return subscriptions.size();
    }

    @Override
    public void afterCommit(Applied applied) {
        if (subscriptions.isEmpty()) {
            return;
        }
        for (UnitDayStatus s : applied.statuses()) {
            publish(s.getJurisdictionId(), s.getUnitId(),
                    JsonColumns.write(status(s, zones.of(s.getJurisdictionId()))));
        }
        for (AlertEvent a : applied.alerts()) {
            publish(a.getJurisdictionId(), a.getUnitId(), JsonColumns.write(alert(a)));
        }
    }

    /** Dashboards open on this replica show what another replica projected too. */
    @Override
    public void appliedElsewhere(Applied applied) {
        afterCommit(applied);
    }

    private void publish(String jurisdictionId, String unitId, String json) {
        subscriptions.forEach(s -> s.offer(jurisdictionId, unitId, json));
    }

    private static Map<String, Object> status(UnitDayStatus s, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "status");
        m.put("unitId", s.getUnitId());
        m.put("date", s.getDate().toString());
        m.put("status", s.getState().name());
        m.put("submittedAt", Instants.iso(s.getSubmittedAt(), zone));
        m.put("signedAt", Instants.iso(s.getSignedAt(), zone));
        m.put("revision", s.getRevision());
        return m;
    }

    private static Map<String, Object> alert(AlertEvent a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "alert");
        m.put("alertId", a.getAlertId());
        m.put("alertType", a.getType().name());
        m.put("state", a.getState().name());
        m.put("unitId", a.getUnitId());
        m.put("date", a.getDate().toString());
        return m;
    }

    @Override
    public void stop() {
        // ends every open stream, so Jetty's shutdown does not wait for them
        subscriptions.forEach(s -> {
            s.queue().clear();
            s.queue().offer(END);
        });
    }
}
