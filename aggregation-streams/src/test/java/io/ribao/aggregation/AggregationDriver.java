package io.ribao.aggregation;

import io.ribao.aggregation.stream.DeadLetters;
import io.ribao.aggregation.stream.NodeShare;
import io.ribao.aggregation.stream.NodeShareSerde;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The production topology in a TopologyTestDriver, with the wall clock in the test's hands. */
public final class AggregationDriver implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of(RosterFixtures.ZONE);
    private static final String APPLICATION_ID = "ribao-aggregation-test";
    private static final String CHANGELOG = "-changelog";

    private final TopologyTestDriver driver;
    private final Topics topics;
    private final TestInputTopic<String, Jurisdiction> jurisdictions;
    private final TestInputTopic<String, Unit> units;
    private final TestInputTopic<String, ReportEvent> reports;
    private final TestInputTopic<String, byte[]> rawReports;
    private final TestInputTopic<String, byte[]> rawUnits;
    public final TestOutputTopic<String, UnitDayStatus> statuses;
    public final TestOutputTopic<String, AlertEvent> alerts;
    public final TestOutputTopic<String, DayClosed> dayClosed;
    public final TestOutputTopic<String, DeadLetter> deadLetters;
    public final TestOutputTopic<String, Rollup> rollups;
    private final String registryUrl;
    private final Function<String, KeyValueBytesStoreSupplier> stores;
    /** The innermost (bytes) store of each name, as the suppliers made them: what a changelog restore fills. */
    private final Map<String, KeyValueStore<Bytes, byte[]>> innerStores = new HashMap<>();
    private long clock;

    public AggregationDriver(Path stateDir, Instant start) {
        this(stateDir, start, "mem://aggregation-" + UUID.randomUUID());
    }

    public AggregationDriver(Path stateDir, Instant start, String registryUrl) {
        this(stateDir, start, registryUrl, Stores::persistentKeyValueStore);
    }

    /** On in-memory stores: for long randomized runs that never restart. */
    public static AggregationDriver inMemory(Path stateDir, Instant start) {
        return new AggregationDriver(stateDir, start, "mem://aggregation-" + UUID.randomUUID(),
                Stores::inMemoryKeyValueStore);
    }

    private AggregationDriver(Path stateDir, Instant start, String registryUrl,
                              Function<String, KeyValueBytesStoreSupplier> stores) {
        this(stateDir, start, registryUrl, stores, Map.of());
    }

    private AggregationDriver(Path stateDir, Instant start, String registryUrl,
                              Function<String, KeyValueBytesStoreSupplier> stores,
                              Map<String, List<KeyValue<Bytes, byte[]>>> restored) {
        AggregationSettings settings = AggregationSettings.of("test:9092", registryUrl, stateDir)
                .withApplicationId(APPLICATION_ID);
        this.registryUrl = registryUrl;
        this.stores = stores;
        Function<String, KeyValueBytesStoreSupplier> recorded = name -> RestoredStore.recording(
                RestoredStore.filled(stores.apply(name), restored.getOrDefault(name, List.of())), innerStores);
        clock = start.toEpochMilli();
        topics = new Topics(SchemaRegistries.forUrl(registryUrl));
        driver = new TopologyTestDriver(AggregationTopology.build(settings, topics, recorded), settings.streamsProperties(), start);
        jurisdictions = input(topics.jurisdictions());
        units = input(topics.units());
        reports = input(topics.reports());
        rawReports = driver.createInputTopic(Topics.REPORTS, Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), start, Duration.ZERO);
        rawUnits = driver.createInputTopic(Topics.ROSTER_UNITS, Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), start, Duration.ZERO);
        statuses = output(topics.unitDayStatus());
        alerts = output(topics.alerts());
        dayClosed = output(topics.dayClosed());
        deadLetters = output(topics.deadLetters(DeadLetters.APP));
        rollups = output(topics.rollups());
    }

    /**
     * A restart of the app at {@code at}: this driver is closed and a new one starts, its stores holding what this
     * one's held — as a restore from the changelogs leaves them, before any processor's init — and new processors
     * (their caches in memory empty, their punctuation scheduled anew). The driver commits after every input and
     * punctuation, so the stores hold committed state. Outputs not read from this driver are lost with it.
     */
    public AggregationDriver restartAt(Path stateDir, Instant at) {
        if (at.toEpochMilli() < clock) {
            throw new IllegalArgumentException("the wall clock only moves forward: " + at);
        }
        Map<String, List<KeyValue<Bytes, byte[]>>> contents = new HashMap<>();
        innerStores.forEach((name, store) -> {
            List<KeyValue<Bytes, byte[]>> entries = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
                all.forEachRemaining(entries::add);
            }
            contents.put(name, entries);
        });
        close();
        return new AggregationDriver(stateDir, at, registryUrl, stores, contents);
    }

    public static Instant at(LocalDate date, String localTime) {
        return date.atTime(LocalTime.parse(localTime)).atZone(ZONE).toInstant();
    }

    public Instant now() {
        return Instant.ofEpochMilli(clock);
    }

    /** Moves the wall clock to {@code instant} (forward only); punctuation fires once at the new time. */
    public void advanceTo(Instant instant) {
        long delta = instant.toEpochMilli() - clock;
        if (delta < 0) {
            throw new IllegalArgumentException("the wall clock only moves forward: " + instant);
        }
        clock = instant.toEpochMilli();
        driver.advanceWallClockTime(Duration.ofMillis(delta));
    }

    public void advanceTo(LocalDate date, String localTime) {
        advanceTo(at(date, localTime));
    }

    public void publish(Jurisdiction jurisdiction) {
        jurisdictions.pipeInput(jurisdiction.getId(), jurisdiction, clock);
    }

    public void publish(Unit unit) {
        units.pipeInput(unit.getId(), unit, clock);
    }

    public void publish(ReportEvent report) {
        reports.pipeInput(report.getUnitId(), report, clock);
    }

    public void publishRawReport(String key, byte[] value) {
        rawReports.pipeInput(key, value, clock);
    }

    public void publishRawUnit(String key, byte[] value) {
        rawUnits.pipeInput(key, value, clock);
    }

    /**
     * Whether statuses, alerts, day-closed and dead letters hold nothing more, so a test can end by asserting nothing
     * unexpected came out. Roll-ups are left to the tests about them (every status change moves them).
     */
    public boolean outputsEmpty() {
        return statuses.isEmpty() && alerts.isEmpty() && dayClosed.isEmpty() && deadLetters.isEmpty();
    }

    /** The roll-ups sent since the last read, the latest of each node-day by {@code nodeId/date}. */
    public Map<String, Rollup> readLatestRollups() {
        Map<String, Rollup> latest = new HashMap<>();
        rollups.readValuesToList().forEach(r -> latest.put(r.getNodeId() + "/" + r.getDate(), r));
        return latest;
    }

    public List<AlertEvent> readAlerts() {
        return alerts.readValuesToList();
    }

    /**
     * The keys written to each store's changelog since the last call, by store name, in the order written: what the
     * commits since then cost the changelogs (the driver commits after every input and punctuation).
     */
    public Map<String, List<String>> readChangelogKeys() {
        Map<String, List<String>> written = new TreeMap<>();
        for (String topic : driver.producedTopicNames()) {
            if (topic.startsWith(APPLICATION_ID + "-") && topic.endsWith(CHANGELOG)) {
                List<String> keys = driver.createOutputTopic(topic, Serdes.String().deserializer(),
                        Serdes.ByteArray().deserializer()).readKeyValuesToList().stream().map(kv -> kv.key).toList();
                if (!keys.isEmpty()) {
                    written.put(topic.substring(APPLICATION_ID.length() + 1, topic.length() - CHANGELOG.length()),
                            keys);
                }
            }
        }
        return written;
    }

    /**
     * The keys ({@code nodeId/date}) of the unit-days' shares sent to the roll-up tasks since the last call, in the
     * order sent: what the roll-ups cost the repartition topic.
     */
    public List<String> readShareKeys() {
        String topic = APPLICATION_ID + "-rollup-contributions-repartition";
        if (!driver.producedTopicNames().contains(topic)) {
            return List.of();
        }
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
                .readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    /** The shares sent to the roll-up tasks since the last call, with their keys, in the order sent. */
    public List<KeyValue<String, NodeShare>> readShares() {
        String topic = APPLICATION_ID + "-rollup-contributions-repartition";
        if (!driver.producedTopicNames().contains(topic)) {
            return List.of();
        }
        return driver.createOutputTopic(topic, Serdes.String().deserializer(),
                new NodeShareSerde(topics.units()).deserializer()).readKeyValuesToList();
    }

    /** A share on the roll-up repartition topic, as a unit-day task (of any version) sends it. */
    public void publishShare(String nodeDay, NodeShare share) {
        driver.createInputTopic(APPLICATION_ID + "-rollup-contributions-repartition", Serdes.String().serializer(),
                new NodeShareSerde(topics.units()).serializer()).pipeInput(nodeDay, share, clock);
    }

    public void removeUnit(String unitId) {
        rawUnits.pipeInput(unitId, null, clock);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
