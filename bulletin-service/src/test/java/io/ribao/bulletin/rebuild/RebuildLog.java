package io.ribao.bulletin.rebuild;

import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestKafka;
import io.ribao.schemas.alert.AlertEvent;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.report.Finding;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.report.ReportEventType;
import io.ribao.schemas.report.Signer;
import io.ribao.schemas.rollup.Completeness;
import io.ribao.schemas.rollup.Rollup;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Keys;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Writes one township's day to every topic the projection reads, with distinct ids per call. */
final class RebuildLog {

    final String unitId;
    final String checkpointId;
    final String raisedAlertId;
    final String missingAlertId;
    final String findingId;
    final String formId;

    private RebuildLog(String tag) {
        this.unitId = "twn-" + tag;
        this.checkpointId = "cp-" + tag;
        this.raisedAlertId = alertOf(AlertType.UNSIGNED, checkpointId).getAlertId();
        this.missingAlertId = alertOf(AlertType.MISSING, unitId).getAlertId();
        this.findingId = "f-" + tag;
        this.formId = "township-daily-" + tag;
    }

    static RebuildLog written() {
        RebuildLog log = new RebuildLog(UUID.randomUUID().toString().substring(0, 8));
        log.write();
        return log;
    }

    private void write() {
        Topics topics = TestKafka.topics();
        TestKafka.send(topics.jurisdictions(), Fixtures.COUNTY, Fixtures.jurisdiction());
        TestKafka.send(topics.units(), unitId, Fixtures.unit(unitId, "天保镇", UnitKind.TOWNSHIP, "county",
                "u-tianbao-sj", List.of("u-dc-07")));
        TestKafka.send(topics.units(), checkpointId, Fixtures.unit(checkpointId, "天保口岸卡点", UnitKind.CHECKPOINT,
                unitId, "u-port-sj", List.of("u-dc-07")));
        String gone = "dep-" + unitId;
        TestKafka.send(topics.units(), gone, Fixtures.unit(gone, "撤并单位", UnitKind.DEPARTMENT, "county", "u-health-sj",
                List.of()));
        TestKafka.send(topics.units(), gone, null);
        Fixtures.users().forEach(u -> TestKafka.send(topics.users(), u.getId(), u));
        TestKafka.send(topics.forms(), formId, Fixtures.form(formId, "乡镇日报", "key_persons_screened", "重点人员排查数",
                "vaccine_doses", "疫苗接种剂次"));
        // reloaded with a metric fewer: the newer form replaces the older one
        TestKafka.send(topics.forms(), formId, Fixtures.form(formId, "乡镇日报", "vaccine_doses", "疫苗接种剂次"));
        String dropped = "dropped-" + formId;
        TestKafka.send(topics.forms(), dropped, Fixtures.form(dropped, "撤销报表", "inspections", "督查次数"));
        TestKafka.send(topics.forms(), dropped, null);

        String dayKey = Keys.ofDay(unitId, Fixtures.DAY);
        TestKafka.send(topics.unitDayStatus(), dayKey,
                status(unitId, UnitDayState.PENDING_SIGNOFF, Fixtures.DEADLINE.minusSeconds(900)));
        TestKafka.send(topics.unitDayStatus(), dayKey, status(unitId, UnitDayState.ON_TIME, Fixtures.DEADLINE));
        // an older copy arriving last must not win
        TestKafka.send(topics.unitDayStatus(), dayKey,
                status(unitId, UnitDayState.PENDING_SIGNOFF, Fixtures.DEADLINE.minusSeconds(900)));
        TestKafka.send(topics.unitDayStatus(), Keys.ofDay(checkpointId, Fixtures.DAY),
                status(checkpointId, UnitDayState.MISSING, Fixtures.DEADLINE));

        TestKafka.send(topics.rollups(), dayKey, Rollup.newBuilder().setNodeId(unitId)
                .setJurisdictionId(Fixtures.COUNTY).setDate(Fixtures.DAY).setMetrics(Map.of("persons_registered", 12L))
                .setCompleteness(Completeness.newBuilder().setExpected(2).setOnTime(1).setMissing(1).build())
                .setUpdatedAt(Fixtures.DEADLINE).build());

        AlertEvent missing = alertOf(AlertType.MISSING, unitId);
        TestKafka.send(topics.alerts(), missing.getAlertId(), missing);
        TestKafka.send(topics.alerts(), missing.getAlertId(), AlertEvent.newBuilder(missing)
                .setState(AlertState.RESOLVED).setAt(Fixtures.DEADLINE.plusSeconds(600)).build());
        AlertEvent unsigned = alertOf(AlertType.UNSIGNED, checkpointId);
        TestKafka.send(topics.alerts(), unsigned.getAlertId(), unsigned);
        // a record nothing can read: the live projection dead-letters it, the rebuild skips it
        TestKafka.sendBytes(Topics.ALERTS, "garbage-" + unitId, "not avro".getBytes(StandardCharsets.UTF_8));

        ReportEvent report = ReportEvent.newBuilder().setEventId("e-" + unitId).setType(ReportEventType.SIGNED_OFF)
                .setReportId("r-" + unitId).setJurisdictionId(Fixtures.COUNTY).setUnitId(unitId)
                .setDate(Fixtures.DAY).setRevision(1).setZeroReport(false)
                .setMetrics(Map.of("persons_registered", 12L)).setNarrative("无异常")
                .setFindings(List.of(Finding.newBuilder().setFindingId(findingId).setUnitId(checkpointId)
                        .setProblem("体温检测记录不全").setDueDate(Fixtures.DAY.plusDays(2)).build()))
                .setSubmittedBy("u-tianbao-clerk").setSubmittedAt(Fixtures.DEADLINE.minusSeconds(900))
                .setSignedBy("u-tianbao-sj").setSignedAt(Fixtures.DEADLINE.minusSeconds(300))
                .setSigner(Signer.PRINCIPAL).build();
        TestKafka.send(topics.reports(), dayKey, report);

        DayClosed part = DayClosed.newBuilder().setJurisdictionId(Fixtures.COUNTY).setDate(Fixtures.DAY)
                .setClosedAt(Fixtures.DEADLINE.plusSeconds(5400)).setPartition(0).setPartitions(2)
                .setUnits(List.of(status(unitId, UnitDayState.ON_TIME, Fixtures.DEADLINE))).build();
        TestKafka.send(topics.dayClosed(), Keys.ofDay(Fixtures.COUNTY, Fixtures.DAY), part);
        TestKafka.send(topics.dayClosed(), Keys.ofDay(Fixtures.COUNTY, Fixtures.DAY), DayClosed.newBuilder(part)
                .setPartition(1).setUnits(List.of(status(checkpointId, UnitDayState.MISSING, Fixtures.DEADLINE)))
                .build());
    }

    private static AlertEvent alertOf(AlertType type, String unit) {
        return Fixtures.alert(type, unit, AlertState.RAISED, Fixtures.DEADLINE, List.of("u-dc-07"));
    }

    static UnitDayStatus status(String unit, UnitDayState state, java.time.Instant at) {
        return UnitDayStatus.newBuilder(Fixtures.status(unit, state, at)).setUnitId(unit).build();
    }

    /** The end offsets (read_committed) of every partition the projection reads, now. */
    static Map<TopicPartition, Long> endOffsets(List<String> topicNames) {
        java.util.Properties props = new java.util.Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topicNames.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }
}
