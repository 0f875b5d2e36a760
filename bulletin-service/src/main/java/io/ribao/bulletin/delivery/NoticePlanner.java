package io.ribao.bulletin.delivery;

import io.ribao.bulletin.projection.RaisedAlerts;
import io.ribao.schemas.alert.AlertEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Plans the first notices of a raised alert inside the projection's transaction: one row per recipient, due after
 * the digest window, nothing at all for a suspended unit. Replaying the alert inserts nothing new.
 */
public final class NoticePlanner implements RaisedAlerts {

    private final Duration digestWindow;

    public NoticePlanner(Duration digestWindow) {
        this.digestWindow = digestWindow;
    }

    @Override
    public void raised(Handle handle, AlertEvent alert) {
        DeliveryDao dao = handle.attach(DeliveryDao.class);
        Optional<DeliveryDao.UnitPeopleRow> unit = dao.unitPeople(alert.getUnitId(), alert.getDate());
        if (unit.isPresent() && unit.get().suspended()) {
            return; // a unit suspended on the alert's day raises nothing (DESIGN.md §5, decision 422)
        }
        List<String> office = dao.officeUserIds(alert.getJurisdictionId());
        List<String> recipients = AlertRouting.recipients(alert.getType(), alert.getRecipients(),
                unit.map(DeliveryDao.UnitPeopleRow::people).orElse(null), office);
        for (String recipient : recipients) {
            dao.planNotice(alert.getAlertId(), recipient, 0, "INITIAL", alert.getAt().plus(digestWindow),
                    DigestSlot.key(recipient, alert.getDate(), alert.getType()), alert.getAt());
        }
    }
}
