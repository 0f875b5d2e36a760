package io.ribao.bulletin.projection;

import io.ribao.schemas.alert.AlertEvent;
import org.jdbi.v3.core.Handle;

/** Told of each raised alert inside the projection's transaction, so its notices commit with it (or not at all). */
@FunctionalInterface
public interface RaisedAlerts {

    RaisedAlerts NONE = (handle, alert) -> { };

    void raised(Handle handle, AlertEvent alert);
}
