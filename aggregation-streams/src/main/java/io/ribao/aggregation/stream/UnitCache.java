package io.ribao.aggregation.stream;

import io.ribao.schemas.roster.Unit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The task's roster units, decoded, in front of their store and written through: every report needs its unit, and
 * only this task writes the store, so the copy in memory cannot go stale. A new processor starts empty. Not
 * thread-safe: one per task.
 */
final class UnitCache {

    /** Every unit of the largest roster (100,000 units) fits, whatever its partitioning: a deadline visits all. */
    private static final int MAX_ENTRIES = 131_072;

    private final KeyValueStore<String, Unit> store;
    private final Map<String, Unit> decoded = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Unit> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    UnitCache(KeyValueStore<String, Unit> store) {
        this.store = store;
    }

    Unit get(String unitId) {
        Unit unit = decoded.get(unitId);
        if (unit == null) {
            unit = store.get(unitId);
            if (unit != null) {
                decoded.put(unitId, unit);
            }
        }
        return unit;
    }

    void put(String unitId, Unit unit) {
        store.put(unitId, unit);
        decoded.put(unitId, unit);
    }

    void delete(String unitId) {
        store.delete(unitId);
        decoded.remove(unitId);
    }
}
