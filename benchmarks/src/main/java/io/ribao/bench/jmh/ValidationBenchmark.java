package io.ribao.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.ribao.bench.fixture.BenchRoster;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.ingest.core.Messages;
import io.ribao.ingest.core.ReportValidator;
import io.ribao.ingest.core.ValidatedReport;
import io.ribao.kit.error.ApiException;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** report-ingest's validation of a report against its unit's form: a valid report, and one with two errors. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.ribao")
public class ValidationBenchmark {

    private ReportValidator validator;
    private Messages messages;
    private Unit unit;
    private Form form;
    private LocalDate date;
    private ReportRequest valid;
    private ReportRequest invalid;

    @Setup
    public void setUp() {
        date = LocalDate.of(2026, 3, 14);
        BenchRoster roster = BenchRoster.generate(200, BenchRoster.Deadlines.lateInTheDay(), date.minusDays(30));
        unit = roster.reportingUnits().get(42);
        form = roster.form();
        validator = new ReportValidator(id -> true);
        messages = Messages.chinese();
        Map<String, JsonNode> good = new LinkedHashMap<>();
        BenchRoster.METRICS.forEach(code -> good.put(code, LongNode.valueOf(120)));
        good.put("nucleic_tested", LongNode.valueOf(100));
        valid = new ReportRequest(unit.getId(), date.toString(), false, good, "routine day", List.of());
        Map<String, JsonNode> bad = new LinkedHashMap<>(good);
        bad.put("home_isolation", LongNode.valueOf(-1));
        bad.put("no_such_metric", LongNode.valueOf(3));
        invalid = new ReportRequest(unit.getId(), date.toString(), false, bad, "routine day", List.of());
    }

    @Benchmark
    public ValidatedReport validReport() {
        return validator.validate(valid, unit, form, date, messages);
    }

    @Benchmark
    public Object invalidReport() {
        try {
            return validator.validate(invalid, unit, form, date, messages);
        } catch (ApiException e) {
            // the answer a client gets: the exception carrying every field error
            return e;
        }
    }
}
