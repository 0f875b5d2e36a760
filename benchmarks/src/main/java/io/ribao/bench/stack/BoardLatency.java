package io.ribao.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ribao.bench.Poll;
import io.ribao.ingest.roster.Roster;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * End to end: a principal's zero report is answered 202 by report-ingest; the time until the command-office board's
 * data ({@code GET /api/v1/days/{date}/status} of bulletin-service) shows that revision, polled every
 * {@code pollMillis} (so each figure is an upper bound, by at most the poll interval plus one request).
 */
public final class BoardLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String ingestUrl;
    private final String bulletinUrl;
    private final String officeToken;
    private final List<Unit> units = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    public BoardLatency(String ingestUrl, String bulletinUrl, Roster roster, Map<String, String> tokenByUser) {
        this.ingestUrl = ingestUrl;
        this.bulletinUrl = bulletinUrl;
        String office = null;
        for (User user : roster.users()) {
            if (user.getRole() == Role.OFFICE && tokenByUser.containsKey(user.getId()) && office == null) {
                office = tokenByUser.get(user.getId());
            }
        }
        if (office == null) {
            throw new IllegalArgumentException("the roster has no OFFICE user with a demo token");
        }
        this.officeToken = office;
        for (Unit unit : roster.units()) {
            String token = unit.getPrincipalId() == null ? null : tokenByUser.get(unit.getPrincipalId());
            if (token != null && unit.getFormId() != null) {
                units.add(unit);
                tokens.add(token);
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no unit has a principal with a demo token");
        }
    }

    /** Latency in microseconds of {@code samples} reports, one at a time. */
    public Histogram measure(LocalDate date, int samples, long pollMillis) throws IOException, InterruptedException {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < samples; i++) {
            Unit unit = units.get(i % units.size());
            String body = """
                    {"unitId": "%s", "date": "%s", "zeroReport": true, "metrics": {}}""".formatted(unit.getId(), date);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/reports"))
                    .header("Authorization", "Bearer " + tokens.get(i % units.size()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long accepted = System.nanoTime();
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("report for " + unit.getId() + " answered " + answer.statusCode()
                        + ": " + answer.body());
            }
            int revision = JSON.readTree(answer.body()).path("revision").asInt();
            Poll.until(() -> boardRevision(date, unit.getId()) >= revision, Duration.ofMillis(pollMillis),
                    Duration.ofSeconds(30), unit.getId() + " revision " + revision + " on the board");
            histogram.recordValue((System.nanoTime() - accepted) / 1_000);
        }
        return histogram;
    }

    private int boardRevision(LocalDate date, String unitId) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(bulletinUrl + "/api/v1/days/" + date + "/status"))
                .header("Authorization", "Bearer " + officeToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return -1;
        }
        for (JsonNode unit : JSON.readTree(answer.body()).path("units")) {
            if (unitId.equals(unit.path("unitId").asText())) {
                return unit.path("revision").asInt(-1);
            }
        }
        return -1;
    }
}
