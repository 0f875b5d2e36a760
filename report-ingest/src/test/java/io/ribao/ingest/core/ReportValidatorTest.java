package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.api.FindingRequest;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.error.FieldError;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper READER = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    private static final Messages EN = Messages.english();

    private final RosterView roster = DemoRoster.view();
    private final ReportValidator validator = new ReportValidator(id -> roster.unit(id) != null);
    private final Unit checkpoint = roster.unit("chk-tianbao-port");
    private final Form checkpointForm = roster.form("checkpoint-daily");
    private final Unit supervision = roster.unit("sup-tianbao");
    private final Form supervisionForm = roster.form("supervision-daily");

    private static Map<String, JsonNode> checkpointMetrics() {
        Map<String, JsonNode> metrics = new LinkedHashMap<>();
        metrics.put("persons_registered", JSON.numberNode(120));
        metrics.put("temperature_checks", JSON.numberNode(120));
        metrics.put("health_code_scans", JSON.numberNode(125));
        metrics.put("persons_turned_back", JSON.numberNode(3));
        metrics.put("persons_isolated", JSON.numberNode(1));
        metrics.put("abnormal_found", JSON.numberNode(0));
        return metrics;
    }

    private static ReportRequest report(Map<String, JsonNode> metrics) {
        return new ReportRequest("chk-tianbao-port", "2026-03-02", false, metrics, null, List.of());
    }

    private List<FieldError> errorsOf(ReportRequest request, Unit unit, Form form) {
        try {
            validator.validate(request, unit, form, DAY, EN);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(422);
            return e.fieldErrors();
        }
        throw new AssertionError("expected a validation failure");
    }

    @Test
    void completeReportIsValidWithEveryMetric() {
        ValidatedReport report = validator.validate(report(checkpointMetrics()), checkpoint, checkpointForm, DAY, EN);

        assertThat(report.metrics()).containsEntry("persons_registered", 120L).hasSize(6);
        assertThat(report.zeroReport()).isFalse();
    }

    @Test
    void zeroReportMayOmitMetricsAndCountsThemAsZero() {
        ReportRequest zero = new ReportRequest("chk-tianbao-port", "2026-03-02", true, null, "无异常", null);

        ValidatedReport report = validator.validate(zero, checkpoint, checkpointForm, DAY, EN);

        assertThat(report.zeroReport()).isTrue();
        assertThat(report.metrics()).hasSize(6).allSatisfy((code, value) -> assertThat(value).isZero());
    }

    @Test
    void anOmittedOptionalMetricIsNotStoredAsAZeroBelowItsMinimum() {
        Form form = Form.newBuilder(checkpointForm).setMetrics(checkpointForm.getMetrics().stream()
                .map(m -> m.getCode().equals("abnormal_found")
                        ? MetricDefinition.newBuilder(m).setRequired(false).setMin(1).build() : m)
                .toList()).build();
        Map<String, JsonNode> metrics = checkpointMetrics();
        metrics.remove("abnormal_found");

        ValidatedReport report = validator.validate(report(metrics), checkpoint, form, DAY, EN);

        assertThat(report.metrics()).hasSize(5).doesNotContainKey("abnormal_found");
    }

    @Test
    void zeroReportWithANonZeroMetricNamesIt() {
        Map<String, JsonNode> metrics = Map.of("persons_registered", JSON.numberNode(5));
        ReportRequest zero = new ReportRequest("chk-tianbao-port", "2026-03-02", true, metrics, null, null);

        assertThat(errorsOf(zero, checkpoint, checkpointForm))
                .extracting(FieldError::field).containsExactly("metrics.persons_registered");
    }

    @Test
    void missingRequiredMetricIsNamed() {
        Map<String, JsonNode> metrics = checkpointMetrics();
        metrics.remove("abnormal_found");

        assertThat(errorsOf(report(metrics), checkpoint, checkpointForm))
                .containsExactly(new FieldError("metrics.abnormal_found", "is required"));
    }

    @Test
    void unknownMetricIsNamed() {
        Map<String, JsonNode> metrics = checkpointMetrics();
        metrics.put("vaccine_doses", JSON.numberNode(3));

        assertThat(errorsOf(report(metrics), checkpoint, checkpointForm))
                .extracting(FieldError::field).containsExactly("metrics.vaccine_doses");
    }

    @Test
    void nonIntegerValuesAreNamed() {
        Map<String, JsonNode> metrics = checkpointMetrics();
        metrics.put("persons_isolated", JSON.numberNode(1.5));
        metrics.put("abnormal_found", JSON.textNode("7"));

        assertThat(errorsOf(report(metrics), checkpoint, checkpointForm))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("metrics.persons_isolated", "metrics.abnormal_found");
    }

    @Test
    void valuesOutsideMinAndMaxAreNamed() {
        Map<String, JsonNode> metrics = checkpointMetrics();
        metrics.put("persons_turned_back", JSON.numberNode(-1));
        metrics.put("persons_registered", JSON.numberNode(200_001));

        assertThat(errorsOf(report(metrics), checkpoint, checkpointForm))
                .containsExactlyInAnyOrder(
                        new FieldError("metrics.persons_turned_back", "must not be below 0"),
                        new FieldError("metrics.persons_registered", "must not be above 200,000"));
    }

    @Test
    void aNumberBeyondTheLimitsIsOutOfRangeHoweverItIsWritten() throws Exception {
        Map<String, JsonNode> metrics = checkpointMetrics();
        // as Jackson reads them from a body: more digits than a long holds, or an exponent
        metrics.put("persons_registered", READER.readTree("100000000000000000000"));
        metrics.put("temperature_checks", READER.readTree("1e20"));
        metrics.put("persons_turned_back", READER.readTree("-1e20"));
        metrics.put("persons_isolated", READER.readTree("-9223372036854775809"));
        // within the limits, a number not written as a whole one is still not an integer
        metrics.put("abnormal_found", READER.readTree("1.5"));

        assertThat(errorsOf(report(metrics), checkpoint, checkpointForm))
                .containsExactlyInAnyOrder(
                        new FieldError("metrics.persons_registered", "must not be above 200,000"),
                        new FieldError("metrics.temperature_checks", "must not be above 400,000"),
                        new FieldError("metrics.persons_turned_back", "must not be below 0"),
                        new FieldError("metrics.persons_isolated", "must not be below 0"),
                        new FieldError("metrics.abnormal_found", "must be a whole number"));
    }

    @Test
    void failedCrossFieldCheckIsNamedOnItsFirstMetric() {
        Map<String, JsonNode> metrics = checkpointMetrics();
        metrics.put("temperature_checks", JSON.numberNode(100));

        assertThat(errorsOf(report(metrics), checkpoint, checkpointForm))
                .containsExactly(new FieldError("metrics.temperature_checks",
                        "check failed: temperature_checks >= persons_registered"));
    }

    @Test
    void narrativeLongerThanTheBoundIsRefused() {
        ReportRequest request = new ReportRequest("chk-tianbao-port", "2026-03-02", false, checkpointMetrics(),
                "字".repeat(ReportValidator.MAX_NARRATIVE + 1), null);

        assertThat(errorsOf(request, checkpoint, checkpointForm)).extracting(FieldError::field)
                .containsExactly("narrative");
    }

    @Test
    void findingsAreOnlyForSupervisionTeams() {
        ReportRequest request = new ReportRequest("chk-tianbao-port", "2026-03-02", false, checkpointMetrics(), null,
                List.of(new FindingRequest("twn-tianbao", "登记不全", "2026-03-05")));

        assertThat(errorsOf(request, checkpoint, checkpointForm)).extracting(FieldError::field)
                .containsExactly("findings");
    }

    @Test
    void supervisionFindingsAreValidatedPerEntry() {
        Map<String, JsonNode> metrics = Map.of("inspections", JSON.numberNode(4), "problems_found", JSON.numberNode(2),
                "problems_rectified", JSON.numberNode(0));
        ReportRequest request = new ReportRequest("sup-tianbao", "2026-03-02", false, metrics, null, List.of(
                new FindingRequest("twn-tianbao", "卡点登记不全", "2026-03-05"),
                new FindingRequest("twn-nowhere", "", "2026-02-30"),
                new FindingRequest("chk-tianbao-port", "测温枪故障", "2026-03-01")));

        assertThat(errorsOf(request, supervision, supervisionForm)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("findings[1].unitId", "findings[1].problem", "findings[1].dueDate",
                        "findings[2].dueDate");
    }

    @Test
    void validSupervisionFindingsAreKept() {
        Map<String, JsonNode> metrics = Map.of("inspections", JSON.numberNode(4), "problems_found", JSON.numberNode(1),
                "problems_rectified", JSON.numberNode(0));
        ReportRequest request = new ReportRequest("sup-tianbao", "2026-03-02", false, metrics, null,
                List.of(new FindingRequest("chk-tianbao-port", " 测温枪故障 ", "2026-03-05")));

        ValidatedReport report = validator.validate(request, supervision, supervisionForm, DAY, EN);

        assertThat(report.findings()).containsExactly(
                new ValidatedReport.FindingContent("chk-tianbao-port", "测温枪故障", LocalDate.parse("2026-03-05")));
    }

    @Test
    void datesMustBeIsoDays() {
        assertThat(ReportValidator.parseDate("date", "2026-03-02", EN)).isEqualTo(DAY);
        assertThatThrownBy(() -> ReportValidator.parseDate("date", "2026-3-2", EN))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("date"));
        assertThatThrownBy(() -> ReportValidator.parseDate("date", null, EN)).isInstanceOf(ApiException.class);
    }

    @Test
    void messagesAreChineseByDefault() {
        Map<String, JsonNode> metrics = checkpointMetrics();
        metrics.remove("abnormal_found");
        try {
            validator.validate(report(metrics), checkpoint, checkpointForm, DAY, Messages.forAcceptLanguage(null));
            throw new AssertionError("expected a validation failure");
        } catch (ApiException e) {
            assertThat(e.fieldErrors()).containsExactly(new FieldError("metrics.abnormal_found", "必填"));
        }
    }
}
