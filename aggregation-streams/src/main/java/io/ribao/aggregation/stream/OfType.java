package io.ribao.aggregation.stream;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Passes on the records whose value is of one type, as they are, and drops the others: how a processor that emits
 * several kinds of output (statuses, alerts, contributions, …) reaches each kind's sink. One plain processor instead of
 * the DSL's {@code filter} + {@code mapValues}, which are fixed-key processors: Kafka Streams wraps every record in a
 * new {@code FixedKeyRecord} with a copy of its headers at each of them, for every output of every kind — at the
 * 16:30 deadline that was a tenth of the stream thread's allocations (decision 275). Here a record that does not
 * match costs an {@code instanceof}; one that does is forwarded unchanged.
 */
public final class OfType<V> implements Processor<String, Object, String, V> {

    private final Class<V> type;
    private ProcessorContext<String, V> context;

    public OfType(Class<V> type) {
        this.type = type;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Record<String, Object> record) {
        if (type.isInstance(record.value())) {
            // The value is a V: the same record, seen as a Record<String, V>, needs no copy.
            context.forward((Record<String, V>) (Record<String, ?>) record);
        }
    }
}
