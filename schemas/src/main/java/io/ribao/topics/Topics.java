package io.ribao.topics;

import io.ribao.registry.SchemaRegistry;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.audit.AuditEvent;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.serde.AvroSerde;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of every Ribao topic: name, key type, value type. Keys are plain UTF-8 strings; values are Avro
 * in the Confluent wire format. Each topic has exactly one writing service (DESIGN.md §1).
 */
public final class Topics {

    public static final String ROSTER_JURISDICTIONS = "ribao.roster.jurisdictions";
    public static final String ROSTER_UNITS = "ribao.roster.units";
    public static final String ROSTER_FORMS = "ribao.roster.forms";
    public static final String ROSTER_USERS = "ribao.roster.users";
    public static final String REPORTS = "ribao.reports";
    public static final String UNIT_DAY_STATUS = "ribao.unit-day-status";
    public static final String ALERTS = "ribao.alerts";
    public static final String ROLLUPS = "ribao.rollups";
    public static final String DAY_CLOSED = "ribao.day-closed";
    public static final String BULLETINS = "ribao.bulletins";
    public static final String AUDIT = "ribao.audit";
    public static final String SCHEMAS = "_schemas";

    /** The dead-letter topic of one application, e.g. {@code ribao.dlq.aggregation-streams}. */
    public static String deadLetterTopic(String app) {
        return "ribao.dlq." + app;
    }

    /** Every topic the local stack creates, with its cleanup policy. */
    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(ROSTER_JURISDICTIONS, true),
                new TopicSpec(ROSTER_UNITS, true),
                new TopicSpec(ROSTER_FORMS, true),
                new TopicSpec(ROSTER_USERS, true),
                new TopicSpec(REPORTS, false),
                new TopicSpec(UNIT_DAY_STATUS, true),
                new TopicSpec(ALERTS, false),
                new TopicSpec(ROLLUPS, true),
                new TopicSpec(DAY_CLOSED, false),
                new TopicSpec(BULLETINS, false),
                new TopicSpec(AUDIT, false),
                new TopicSpec(deadLetterTopic("report-ingest"), false),
                new TopicSpec(deadLetterTopic("aggregation-streams"), false),
                new TopicSpec(deadLetterTopic("bulletin-service"), false));
    }

    private final SchemaRegistry registry;

    public Topics(SchemaRegistry registry) {
        this.registry = registry;
    }

    public Topic<String, Jurisdiction> jurisdictions() {
        return topic(ROSTER_JURISDICTIONS, Jurisdiction.class);
    }

    public Topic<String, Unit> units() {
        return topic(ROSTER_UNITS, Unit.class);
    }

    public Topic<String, Form> forms() {
        return topic(ROSTER_FORMS, Form.class);
    }

    public Topic<String, User> users() {
        return topic(ROSTER_USERS, User.class);
    }

    public Topic<String, ReportEvent> reports() {
        return topic(REPORTS, ReportEvent.class);
    }

    public Topic<String, UnitDayStatus> unitDayStatus() {
        return topic(UNIT_DAY_STATUS, UnitDayStatus.class);
    }

    public Topic<String, AlertEvent> alerts() {
        return topic(ALERTS, AlertEvent.class);
    }

    public Topic<String, Rollup> rollups() {
        return topic(ROLLUPS, Rollup.class);
    }

    public Topic<String, DayClosed> dayClosed() {
        return topic(DAY_CLOSED, DayClosed.class);
    }

    public Topic<String, BulletinEvent> bulletins() {
        return topic(BULLETINS, BulletinEvent.class);
    }

    /** Audit records of report-ingest (its only store); bulletin-service keeps its own in PostgreSQL. */
    public Topic<String, AuditEvent> audit() {
        return topic(AUDIT, AuditEvent.class);
    }

    public Topic<String, DeadLetter> deadLetters(String app) {
        return topic(deadLetterTopic(app), DeadLetter.class);
    }

    /** An Avro serde for a value type, for internal topics and stores that are not in the catalogue. */
    public <V extends SpecificRecord> Serde<V> serde(Class<V> type) {
        return new AvroSerde<>(registry, type);
    }

    private <V extends SpecificRecord> Topic<String, V> topic(String name, Class<V> type) {
        return new Topic<>(name, Serdes.String(), new AvroSerde<>(registry, type));
    }
}
