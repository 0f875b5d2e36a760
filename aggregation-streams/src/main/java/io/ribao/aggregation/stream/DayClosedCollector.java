package io.ribao.aggregation.stream;

import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gathers the parts of a day-closed snapshot (one per unit-day task, keyed {@code jurisdictionId/date}) and emits one
 * complete {@link DayClosed} when every part is in, so the bulletin is drafted from the whole jurisdiction.
 */
public final class DayClosedCollector implements Processor<String, DayClosed, String, DayClosed> {

    private ProcessorContext<String, DayClosed> context;
    private KeyValueStore<String, DayClosed> parts;

    @Override
    public void init(ProcessorContext<String, DayClosed> context) {
        this.context = context;
        this.parts = context.getStateStore(StoreNames.DAY_CLOSED_PARTS);
    }

    @Override
    public void process(Record<String, DayClosed> record) {
        DayClosed part = record.value();
        if (record.key() == null || part == null) {
            return;
        }
        String prefix = record.key() + "#";
        parts.put(prefix + part.getPartition(), part);
        List<KeyValue<String, DayClosed>> received = new ArrayList<>();
        try (KeyValueIterator<String, DayClosed> it = parts.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(received::add);
        }
        if (received.size() < part.getPartitions()) {
            return;
        }
        List<UnitDayStatus> units = new ArrayList<>();
        Instant closedAt = part.getClosedAt();
        for (KeyValue<String, DayClosed> kv : received) {
            units.addAll(kv.value.getUnits());
            if (kv.value.getClosedAt().isAfter(closedAt)) {
                closedAt = kv.value.getClosedAt();
            }
            parts.delete(kv.key);
        }
        units.sort(Comparator.comparing(UnitDayStatus::getUnitId));
        DayClosed whole = DayClosed.newBuilder()
                .setJurisdictionId(part.getJurisdictionId())
                .setDate(part.getDate())
                .setClosedAt(closedAt)
                .setUnits(units)
                .setPartition(0)
                .setPartitions(1)
                .build();
        context.forward(record.withValue(whole));
    }
}
