package io.ribao.aggregation;

import io.ribao.aggregation.alert.AlertComposer;
import io.ribao.aggregation.alert.AlertMessages;
import io.ribao.aggregation.rollup.ContributionCodec;
import io.ribao.aggregation.rules.UnitHistoryCodec;
import io.ribao.aggregation.stream.CodecSerde;
import io.ribao.aggregation.stream.DayClosedCollector;
import io.ribao.aggregation.stream.DeadLetters;
import io.ribao.aggregation.stream.GlobalStoreUpdater;
import io.ribao.aggregation.stream.NodeShare;
import io.ribao.aggregation.stream.NodeShareSerde;
import io.ribao.aggregation.stream.OfType;
import io.ribao.aggregation.stream.RollupProcessor;
import io.ribao.aggregation.stream.StoreNames;
import io.ribao.aggregation.stream.UnitDayEntry;
import io.ribao.aggregation.stream.UnitDayEntryCodec;
import io.ribao.aggregation.stream.UnitDayProcessor;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The aggregation topology, a pure function of the settings and the topic catalogue:
 * roster units + reports (co-partitioned by unitId) → unit-day processor → statuses, alerts, dead letters;
 * day-closed parts → (repartition to one partition) → collector → {@code ribao.day-closed};
 * node shares → (repartition by nodeId/date) → roll-up processor → {@code ribao.rollups} and node alerts.
 */
public final class AggregationTopology {

    private AggregationTopology() {
    }

    public static Topology build(AggregationSettings settings, Topics topics) {
        return build(settings, topics, Stores::persistentKeyValueStore);
    }

    /**
     * The same topology over other stores: tests that never restart may run on in-memory stores, which spares the
     * disk (RocksDB flushes at every commit under exactly-once).
     */
    public static Topology build(AggregationSettings settings, Topics topics,
                                 Function<String, KeyValueBytesStoreSupplier> stores) {
        StreamsBuilder builder = new StreamsBuilder();
        globalStore(builder, stores, StoreNames.JURISDICTIONS, topics.jurisdictions(), topics.serde(Jurisdiction.class));
        globalStore(builder, stores, StoreNames.FORMS, topics.forms(), topics.serde(Form.class));

        // Caching: a hot key (the county's roll-up, a unit revised often) reaches RocksDB and its changelog once per
        // commit, not once per record.
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(StoreNames.UNITS),
                Serdes.String(), topics.serde(Unit.class))
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(StoreNames.UNIT_DAYS),
                Serdes.String(), UnitDayEntryCodec.serde(topics))
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(StoreNames.DEADLINES),
                Serdes.String(), Serdes.String())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(StoreNames.OPENED_DAYS),
                Serdes.String(), Serdes.String())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(StoreNames.DAY_CLOSED_PARTS),
                Serdes.String(), topics.serde(DayClosed.class))
                .withCachingEnabled());
        ContributionCodec contributions = new ContributionCodec();
        UnitHistoryCodec histories = new UnitHistoryCodec();
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(StoreNames.ROLLUP_SOURCES),
                Serdes.String(), new CodecSerde<>(contributions::encode, contributions::decode))
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(StoreNames.UNIT_HISTORIES),
                Serdes.String(), new CodecSerde<>(histories::encode, histories::decode))
                .withCachingEnabled());
        for (String name : new String[] {StoreNames.ROLLUP_TOTALS, StoreNames.ROLLUP_SUBTOTALS,
                StoreNames.PENDING_REPORTS}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(name), Serdes.String(), Serdes.ByteArray())
                    .withCachingEnabled());
        }
        for (String name : new String[] {StoreNames.UNIT_FINDINGS, StoreNames.NODE_FINDINGS, StoreNames.NODE_ALERTS,
                StoreNames.ROLLUP_DAYS, StoreNames.ROLLUP_DIRTY, StoreNames.UNIT_DAYS_SETTLED,
                StoreNames.DEADLINE_SETTINGS}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(name), Serdes.String(), Serdes.String())
                    .withCachingEnabled());
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(StoreNames.ROLLUP_NODES),
                Serdes.String(), topics.serde(Unit.class))
                .withCachingEnabled());

        KStream<String, byte[]> reports = builder.stream(Topics.REPORTS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("reports-source"));
        KStream<String, byte[]> units = builder.stream(Topics.ROSTER_UNITS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("units-source"));
        int partitions = Math.max(1, settings.reportPartitions());
        KStream<String, Object> results = reports.merge(units, Named.as("unit-day-inputs"))
                .process(() -> new UnitDayProcessor(topics, settings.punctuationInterval(), partitions,
                                new AlertComposer(AlertMessages.chinese())),
                        Named.as("unit-day"),
                        StoreNames.UNITS, StoreNames.UNIT_DAYS, StoreNames.DEADLINES, StoreNames.OPENED_DAYS,
                        StoreNames.UNIT_HISTORIES, StoreNames.UNIT_FINDINGS,
                        StoreNames.PENDING_REPORTS, StoreNames.UNIT_DAYS_SETTLED, StoreNames.DEADLINE_SETTINGS);

        // A status reaches its sink as the unit-day's stored entry, serialised once for both (decision 276).
        ofType(results, UnitDayEntry.class, "statuses").to(Topics.UNIT_DAY_STATUS,
                Produced.with(Serdes.String(), UnitDayEntryCodec.statusBytes()).withName("status-sink"));
        to(ofType(results, AlertEvent.class, "alerts"), topics.alerts(), "alert-sink");
        to(ofType(results, DeadLetter.class, "dead-letters"), topics.deadLetters(DeadLetters.APP), "dead-letter-sink");

        Serde<DayClosed> dayClosed = topics.dayClosed().valueSerde();
        KStream<String, DayClosed> whole = ofType(results, DayClosed.class, "day-closed-parts")
                .repartition(Repartitioned.<String, DayClosed>with(Serdes.String(), dayClosed)
                        .withName("day-closed-parts").withNumberOfPartitions(1))
                .process(DayClosedCollector::new, Named.as("day-closed-collector"), StoreNames.DAY_CLOSED_PARTS);
        to(whole, topics.dayClosed(), "day-closed-sink");

        // Roll-ups: each unit-day's share of its own node and its parent, and each task's subtotal of the nodes further
        // up, travel to the node's task (key nodeId/date).
        KStream<String, Object> rollups = ofType(results, NodeShare.class, "rollup-contributions")
                .repartition(Repartitioned.<String, NodeShare>with(Serdes.String(),
                        new NodeShareSerde(topics.units())).withName("rollup-contributions"))
                .process(() -> new RollupProcessor(settings.punctuationInterval(),
                                new AlertComposer(AlertMessages.chinese())), Named.as("rollup"),
                        StoreNames.ROLLUP_TOTALS, StoreNames.ROLLUP_SOURCES, StoreNames.ROLLUP_NODES,
                        StoreNames.NODE_FINDINGS, StoreNames.NODE_ALERTS, StoreNames.ROLLUP_DAYS,
                        StoreNames.ROLLUP_DIRTY, StoreNames.ROLLUP_SUBTOTALS);
        to(ofType(rollups, Rollup.class, "rollups"), topics.rollups(), "rollup-sink");
        to(ofType(rollups, AlertEvent.class, "node-alerts"), topics.alerts(), "node-alert-sink");
        return builder.build();
    }

    private static <V> void globalStore(StreamsBuilder builder, Function<String, KeyValueBytesStoreSupplier> stores,
                                        String name, Topic<String, V> topic, Serde<V> serde) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(stores.apply(name), Serdes.String(), serde)
                        .withLoggingDisabled(),
                topic.name(),
                Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name),
                () -> new GlobalStoreUpdater<>(name));
    }

    private static <V> KStream<String, V> ofType(KStream<String, Object> results, Class<V> type, String name) {
        return results.process(() -> new OfType<>(type), Named.as(name));
    }

    private static <V> void to(KStream<String, V> stream, Topic<String, V> topic, String name) {
        stream.to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(name));
    }
}
