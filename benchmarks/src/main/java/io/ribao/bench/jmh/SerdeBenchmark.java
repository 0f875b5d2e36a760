package io.ribao.bench.jmh;

import io.ribao.bench.fixture.ReportEvents;
import io.ribao.registry.InMemorySchemaRegistry;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.serde.AvroDeserializer;
import io.ribao.serde.AvroSerializer;
import io.ribao.topics.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The Confluent-wire-format Avro serdes on the two busiest records: a report event and a unit-day status. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.ribao")
public class SerdeBenchmark {

    private AvroSerializer<ReportEvent> reportWriter;
    private AvroDeserializer<ReportEvent> reportReader;
    private AvroSerializer<UnitDayStatus> statusWriter;
    private AvroDeserializer<UnitDayStatus> statusReader;
    private ReportEvent report;
    private UnitDayStatus status;
    private byte[] reportBytes;
    private byte[] statusBytes;

    @Setup
    public void setUp() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        reportWriter = new AvroSerializer<>(registry, ReportEvent.class);
        reportReader = new AvroDeserializer<>(registry, ReportEvent.class);
        statusWriter = new AvroSerializer<>(registry, UnitDayStatus.class);
        statusReader = new AvroDeserializer<>(registry, UnitDayStatus.class);
        Instant at = Instant.parse("2026-03-14T08:10:00Z");
        report = ReportEvents.signed("vil-000123", LocalDate.of(2026, 3, 14), 2, at);
        status = UnitDayStatus.newBuilder()
                .setUnitId(report.getUnitId())
                .setJurisdictionId(report.getJurisdictionId())
                .setDate(report.getDate())
                .setState(UnitDayState.ON_TIME)
                .setReportId(report.getReportId())
                .setRevision(2)
                .setSignedRevision(2)
                .setMetrics(report.getMetrics())
                .setSubmittedAt(at)
                .setSignedAt(at)
                .setSignedBy(report.getSignedBy())
                .setSigner(report.getSigner())
                .setUpdatedAt(at)
                .build();
        reportBytes = reportWriter.serialize(Topics.REPORTS, report);
        statusBytes = statusWriter.serialize(Topics.UNIT_DAY_STATUS, status);
    }

    @Benchmark
    public byte[] serializeReportEvent() {
        return reportWriter.serialize(Topics.REPORTS, report);
    }

    @Benchmark
    public ReportEvent deserializeReportEvent() {
        return reportReader.deserialize(Topics.REPORTS, reportBytes);
    }

    @Benchmark
    public byte[] serializeUnitDayStatus() {
        return statusWriter.serialize(Topics.UNIT_DAY_STATUS, status);
    }

    @Benchmark
    public UnitDayStatus deserializeUnitDayStatus() {
        return statusReader.deserialize(Topics.UNIT_DAY_STATUS, statusBytes);
    }
}
