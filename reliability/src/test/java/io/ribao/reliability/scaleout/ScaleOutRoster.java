package io.ribao.reliability.scaleout;

import io.ribao.kit.auth.TokenDigest;
import io.ribao.reliability.TestRoster;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two rosters of the multi-instance test, with a fresh token for every user. {@code scale-county}: townships
 * whose principals all report, deadlines hours away. {@code quiet-county}: townships that never report, whose
 * submission and bulletin deadlines are seconds after it is published, so MISSING and STILL_MISSING alerts fire and
 * the day closes during the test; each principal and the county's supervisor get their alerts by webhook. The jurisdictions' time zone is a whole-hour offset at
 * which it is late morning now, so no deadline of the test crosses midnight whatever the machine's clock says.
 */
final class ScaleOutRoster {

    static final String MAIN = "scale-county";
    static final String QUIET = "quiet-county";
    static final String OFFICE = "u-office";
    static final String ADMIN = "u-admin";
    static final String QUIET_SUPERVISOR = "q-sup";
    static final String QUIET_OFFICE = "q-office";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final int mainUnits;
    private final int quietUnits;
    private final ZoneId zone;
    private final LocalDate today;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    ScaleOutRoster(int mainUnits, int quietUnits, Instant now) {
        this.mainUnits = mainUnits;
        this.quietUnits = quietUnits;
        this.zone = lateMorningZone(now);
        this.today = LocalDate.ofInstant(now, zone);
    }

    /** The whole-hour offset at which {@code now} is between 10:00 and 11:00 (every hour of the day has one). */
    static ZoneId lateMorningZone(Instant now) {
        int utcHour = now.atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(10 - utcHour, 24);
        return ZoneOffset.ofHours(offset > 14 ? offset - 24 : offset);
    }

    LocalDate today() {
        return today;
    }

    static String mainUnit(int u) {
        return String.format("scale-%03d", u);
    }

    static String mainPrincipal(int u) {
        return String.format("u-%03d", u);
    }

    static String quietUnit(int u) {
        return String.format("quiet-%02d", u);
    }

    static String quietPrincipal(int u) {
        return String.format("q-%02d", u);
    }

    String token(String userId) {
        String token = tokens.get(userId);
        if (token == null) {
            throw new IllegalArgumentException("no user " + userId);
        }
        return token;
    }

    /** scale-county: reminder and submission two hours from {@code now}, the bulletin three. */
    String mainYaml(Instant now) {
        StringBuilder yaml = header(MAIN, "扩容县", now.plusSeconds(7200), now.plusSeconds(10800));
        yaml.append("  - {id: ").append(MAIN).append(", name: 扩容县, kind: COUNTY, activeFrom: 2026-01-01}\n");
        for (int u = 0; u < mainUnits; u++) {
            yaml.append("  - {id: ").append(mainUnit(u)).append(", name: 乡镇").append(u)
                    .append(", kind: TOWNSHIP, parent: ").append(MAIN).append(", form: scale-form, principal: ")
                    .append(mainPrincipal(u)).append(", activeFrom: 2026-01-01}\n");
        }
        yaml.append("users:\n");
        for (int u = 0; u < mainUnits; u++) {
            user(yaml, mainPrincipal(u), "书记" + u, "PRINCIPAL", mainUnit(u), null);
        }
        user(yaml, OFFICE, "指挥部办公室", "OFFICE", null, null);
        user(yaml, ADMIN, "名册管理员", "ADMIN", null, null);
        return yaml.toString();
    }

    /** quiet-county: reminder and submission at {@code deadline}, then {@code bulletin}; webhooks to {@code hooks}. */
    String quietYaml(Instant deadline, Instant bulletin, String hooks) {
        StringBuilder yaml = header(QUIET, "静默县", deadline, bulletin);
        yaml.append("  - {id: ").append(QUIET).append(", name: 静默县, kind: COUNTY, activeFrom: 2026-01-01}\n");
        for (int u = 0; u < quietUnits; u++) {
            yaml.append("  - {id: ").append(quietUnit(u)).append(", name: 静默乡").append(u)
                    .append(", kind: TOWNSHIP, parent: ").append(QUIET).append(", form: scale-form, principal: ")
                    .append(quietPrincipal(u)).append(", supervisors: [").append(QUIET_SUPERVISOR)
                    .append("], activeFrom: 2026-01-01}\n");
        }
        yaml.append("users:\n");
        for (int u = 0; u < quietUnits; u++) {
            user(yaml, quietPrincipal(u), "静默书记" + u, "PRINCIPAL", quietUnit(u), hooks + quietPrincipal(u));
        }
        user(yaml, QUIET_SUPERVISOR, "静默县督导", "SUPERVISOR", null, hooks + QUIET_SUPERVISOR);
        user(yaml, QUIET_OFFICE, "静默县指挥部办公室", "OFFICE", null, null);
        return yaml.toString();
    }

    private StringBuilder header(String id, String name, Instant submission, Instant bulletin) {
        String due = TIME.format(submission.atZone(zone));
        return new StringBuilder()
                .append("jurisdiction: {id: ").append(id).append(", name: ").append(name)
                .append(", timezone: \"").append(zone.getId()).append("\", office: 指挥部办公室}\n")
                .append("deadlines: {reminder: \"").append(due).append("\", submission: \"").append(due)
                .append("\", bulletin: \"").append(TIME.format(bulletin.atZone(zone))).append("\", amendDays: 3}\n")
                .append("forms:\n")
                .append("  - {id: scale-form, name: 日报, metrics: [{code: m0, name: 指标, min: 0, max: 1000000}]}\n")
                .append("units:\n");
    }

    private void user(StringBuilder yaml, String id, String name, String role, String unit, String webhook) {
        String token = TestRoster.mint();
        tokens.put(id, token);
        yaml.append("  - {id: ").append(id).append(", name: ").append(name).append(", role: ").append(role);
        if (unit != null) {
            yaml.append(", unit: ").append(unit);
        }
        yaml.append(", tokenSha256: \"").append(TokenDigest.sha256Hex(token)).append('"');
        if (webhook != null) {
            yaml.append(", channels: [{type: webhook, url: \"").append(webhook).append("\", format: json}]");
        }
        yaml.append("}\n");
    }
}
