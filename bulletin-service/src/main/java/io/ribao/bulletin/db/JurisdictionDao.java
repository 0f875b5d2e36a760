package io.ribao.bulletin.db;

import io.ribao.bulletin.core.Zones;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The jurisdictions of the read model: their time zones (for instants in API bodies) and names. */
public interface JurisdictionDao {

    record Jurisdiction(String jurisdictionId, String name, String timezone) {
    }

    /** Jurisdiction id → IANA time zone name. */
    @SqlQuery("SELECT jurisdiction_id, timezone FROM jurisdictions")
    @KeyColumn("jurisdiction_id")
    @ValueColumn("timezone")
    Map<String, String> timezones();

    /** Every jurisdiction's wall-clock zone, for the instants an API body gives. */
    default Zones zones() {
        return Zones.from(timezones());
    }

    @SqlQuery("SELECT jurisdiction_id, name, timezone FROM jurisdictions ORDER BY jurisdiction_id")
    @RegisterConstructorMapper(Jurisdiction.class)
    List<Jurisdiction> all();
}
