package io.ribao.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dropwizard.jackson.Jackson;
import io.ribao.ingest.api.FindingRequest;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.ingest.core.Messages;
import io.ribao.ingest.core.ReportValidator;
import io.ribao.ingest.core.ValidatedReport;
import io.ribao.kit.error.ApiException;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A seeded randomized property test of request parsing and validation (docs/decisions/702-fuzzing-without-jazzer.md):
 * JSON parsing of mutated bodies throws nothing but Jackson's processing errors (answered 400), and
 * {@link ReportValidator} returns a report within the form's bounds or throws a 422 {@link ApiException} naming
 * fields — never anything else. Rerun with another seed: {@code -Dribao.fuzz.seed=N -Dribao.fuzz.iterations=N}.
 */
class ReportValidatorFuzzTest {

    private static final long SEED = Long.getLong("ribao.fuzz.seed", 20261123L);
    private static final int ITERATIONS = Integer.getInteger("ribao.fuzz.iterations", 20_000);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALID = "{\"unitId\":\"twn-a\",\"date\":\"2026-11-23\",\"zeroReport\":false,"
            + "\"metrics\":{\"m0\":10,\"m1\":5},\"narrative\":\"正常\",\"findings\":[{\"unitId\":\"twn-a\","
            + "\"problem\":\"x\",\"dueDate\":\"2026-11-30\"}]}";
    private static final String[] ALPHABET = {"{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "0", "-", "1e9",
            "9223372036854775808", "null", "true", "NaN", " ", "\n", "\u0000", "\uD800", "<script>", "'", "é", "报", "m0",
            "unitId", "metrics", "findings", "narrative", "date"};

    private final ObjectMapper service = Jackson.newObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Random random = new Random(SEED);
    private final ReportValidator validator = new ReportValidator(Set.of("twn-a", "twn-b")::contains);

    @Test
    void parsingMutatedBodiesThrowsOnlyJsonProcessingErrors() {
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] body = mutate(VALID.getBytes(StandardCharsets.UTF_8));
            ReportRequest request;
            try {
                request = service.readValue(body, ReportRequest.class);
            } catch (JsonProcessingException expected) {
                continue;
            } catch (IOException | RuntimeException e) {
                fail("seed " + SEED + " iteration " + i + ": parsing " + printable(body) + " threw " + e);
                return;
            }
            parsed++;
            if (request != null) {
                validatesOrRefuses(request, form(), unit(i % 2 == 0 ? UnitKind.SUPERVISION_TEAM : UnitKind.TOWNSHIP),
                        "seed " + SEED + " iteration " + i + " body " + printable(body));
            }
        }
        assertThat(parsed).as("some mutated bodies still parse, so validation is exercised too").isPositive();
    }

    @Test
    void validationOfRandomRequestsReturnsABoundedReportOrAFieldNamingRefusal() {
        int accepted = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Form form = form();
            ReportRequest request = new ReportRequest(text(), date(), random.nextInt(4) == 0 ? null : random.nextBoolean(),
                    metrics(form), random.nextBoolean() ? null : text(random.nextInt(10) == 0 ? 2500 : 40),
                    findings());
            accepted += validatesOrRefuses(request, form, unit(random.nextBoolean() ? UnitKind.SUPERVISION_TEAM
                    : UnitKind.CHECKPOINT), "seed " + SEED + " iteration " + i + " request " + request) ? 1 : 0;
        }
        assertThat(accepted).as("the generator also makes valid reports").isPositive();
    }

    @Test
    void dateParsingAcceptsOnlyStrictIsoDatesAndOtherwiseRefusesNamingTheField() {
        for (int i = 0; i < ITERATIONS; i++) {
            String text = date();
            try {
                LocalDate date = ReportValidator.parseDate("date", text, Messages.english());
                assertThat(date.toString()).as(text).isEqualTo(text);
            } catch (ApiException e) {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.fieldErrors()).extracting(f -> f.field()).containsOnly("date");
            } catch (RuntimeException e) {
                fail("seed " + SEED + ": parseDate(" + text + ") threw " + e);
            }
        }
    }

    /** True when accepted; fails the test on anything but a well-formed 422. */
    private boolean validatesOrRefuses(ReportRequest request, Form form, Unit unit, String where) {
        ValidatedReport report;
        try {
            report = validator.validate(request, unit, form, DAY, Messages.english());
        } catch (ApiException e) {
            assertThat(e.status()).as(where).isEqualTo(422);
            assertThat(e.fieldErrors()).as(where).isNotEmpty().allSatisfy(f -> {
                assertThat(f.field()).isNotBlank().hasSizeLessThanOrEqualTo(100);
                assertThat(f.message()).isNotBlank();
            });
            return false;
        } catch (RuntimeException e) {
            fail(where + " threw " + e);
            return false;
        }
        boolean zero = Boolean.TRUE.equals(request.zeroReport());
        for (MetricDefinition m : form.getMetrics()) {
            Long value = report.metrics().get(m.getCode());
            if (request.metrics() != null && request.metrics().containsKey(m.getCode())) {
                assertThat(value).as(where + " metric " + m.getCode()).isNotNull()
                        .isGreaterThanOrEqualTo(m.getMin())
                        .isLessThanOrEqualTo(m.getMax() == null ? ReportValidator.DEFAULT_MAX : m.getMax());
            } else if (zero) {
                // a zero report counts every metric as 0 (DESIGN.md §4)
                assertThat(value).as(where + " metric of a zero report " + m.getCode()).isZero();
            } else {
                // an optional metric left out is not reported (never an out-of-range 0)
                assertThat(value).as(where + " absent metric " + m.getCode()).isNull();
            }
        }
        assertThat(form.getMetrics().stream().map(MetricDefinition::getCode).toList()).as(where)
                .containsAll(report.metrics().keySet());
        if (report.narrative() != null) {
            assertThat(report.narrative().length()).as(where).isLessThanOrEqualTo(ReportValidator.MAX_NARRATIVE);
        }
        assertThat(report.findings().size()).as(where).isLessThanOrEqualTo(ReportValidator.MAX_FINDINGS);
        return true;
    }

    // --- generators ---------------------------------------------------------------------------------------

    private byte[] mutate(byte[] valid) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : valid) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0 -> bytes.remove(at);
                case 1 -> bytes.set(at, (byte) random.nextInt(256));
                case 2 -> {
                    byte[] insert = ALPHABET[random.nextInt(ALPHABET.length)].getBytes(StandardCharsets.UTF_8);
                    for (int k = insert.length - 1; k >= 0; k--) {
                        bytes.add(at, insert[k]);
                    }
                }
                case 3 -> bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(8))).clear();
                default -> bytes.subList(at, bytes.size()).clear();
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = bytes.get(k);
        }
        return out;
    }

    private Form form() {
        List<MetricDefinition> metrics = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            long min = random.nextInt(3) == 0 ? random.nextInt(100) : 0;
            Long max = random.nextBoolean() ? null : min + random.nextInt(1_000_000);
            metrics.add(MetricDefinition.newBuilder().setCode("m" + i).setName("指标" + i).setMin(min).setMax(max)
                    .setRequired(random.nextBoolean()).build());
        }
        List<String> checks = n >= 2 && random.nextBoolean() ? List.of("m1 <= m0") : List.of();
        if (n >= 3 && random.nextBoolean()) {
            checks = List.of("m1 + m2 <= m0");
        }
        return Form.newBuilder().setId("f").setName("表").setMetrics(metrics).setChecks(checks).build();
    }

    private Unit unit(UnitKind kind) {
        return Unit.newBuilder().setId("twn-a").setJurisdictionId("j").setName("甲").setKind(kind).setFormId("f")
                .setActiveFrom(LocalDate.of(2026, 1, 1)).build();
    }

    private Map<String, JsonNode> metrics(Form form) {
        Map<String, JsonNode> metrics = new LinkedHashMap<>();
        int n = random.nextInt(50) == 0 ? 201 + random.nextInt(5) : random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String code = random.nextInt(5) == 0 ? text() : "m" + random.nextInt(form.getMetrics().size() + 1);
            metrics.put(code, value());
        }
        return metrics;
    }

    private JsonNode value() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.numberNode(new BigInteger(100, random));
            case 2 -> NODES.numberNode(random.nextDouble() * 1000);
            case 3 -> NODES.textNode(String.valueOf(random.nextInt(100)));
            case 4 -> NODES.nullNode();
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.arrayNode().add(random.nextInt(10));
            case 7 -> NODES.objectNode().put("v", 1);
            case 8 -> NODES.numberNode(-random.nextInt(100));
            case 9 -> NODES.numberNode(Double.NaN);
            default -> NODES.numberNode(random.nextInt(2000));
        };
    }

    private List<FindingRequest> findings() {
        int n = random.nextInt(20) == 0 ? 51 : random.nextInt(3);
        List<FindingRequest> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            findings.add(random.nextInt(15) == 0 ? null : new FindingRequest(
                    random.nextBoolean() ? "twn-b" : text(), random.nextInt(10) == 0 ? text(600) : text(),
                    random.nextBoolean() ? null : date()));
        }
        return findings;
    }

    private String date() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> text();
            case 2 -> DAY.plusDays(random.nextInt(40) - 20).toString();
            case 3 -> String.format("%04d-%02d-%02d", random.nextInt(10000), random.nextInt(14), random.nextInt(33));
            case 4 -> DAY + "T00:00";
            default -> DAY.toString();
        };
    }

    private String text() {
        return text(12);
    }

    /** Any UTF-16 units, including lone surrogates, controls, markup and SQL characters. */
    private String text(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append((char) (0xD800 + random.nextInt(0x800)));
                case 2 -> s.append("<>'\";-&%".charAt(random.nextInt(8)));
                case 3 -> s.append((char) (0x4E00 + random.nextInt(0x5000)));
                default -> s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    private static String printable(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    }
}
