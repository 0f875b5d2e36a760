package io.ribao.ingest.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.ribao.ingest.DemoRoster;
import io.ribao.kit.auth.TokenDigest;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.roster.User;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RosterLoaderTest {

    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    private final RosterLoader loader = new RosterLoader();

    private static String roster(String units, String users) {
        return """
                jurisdiction: {id: demo-county, name: 示例县, timezone: Asia/Shanghai, office: 县疫情防控指挥部办公室}
                deadlines: {reminder: "15:30", submission: "16:30", bulletin: "18:00", amendDays: 3}
                forms:
                  - id: checkpoint-daily
                    name: 卡点日报
                    metrics:
                      - {code: persons_registered, name: 实名登记人数, min: 0, max: 200000}
                      - {code: temperature_checks, name: 体温监测人数}
                      - {code: persons_isolated, name: 转运隔离人数, min: 0}
                    checks: ["temperature_checks >= persons_registered"]
                units:
                """ + units + "users:\n" + users;
    }

    private static final String COUNTY = "  - {id: demo-county, name: 示例县, kind: COUNTY, activeFrom: 2026-01-01}\n";
    private static final String TOWNSHIP = "  - {id: twn-tianbao, name: 天保镇, kind: TOWNSHIP, parent: demo-county, "
            + "form: checkpoint-daily, principal: u-tianbao-sj, supervisors: [u-dc-07], activeFrom: 2026-01-01}\n";
    private static final String PRINCIPAL = "  - {id: u-tianbao-sj, name: 李四, role: PRINCIPAL, unit: twn-tianbao, "
            + "tokenSha256: \"" + HASH_A + "\", channels: [{type: email, to: \"li@example.org\"}]}\n";
    private static final String SUPERVISOR = "  - {id: u-dc-07, name: 王五, role: SUPERVISOR, tokenSha256: \"" + HASH_B
            + "\"}\n";

    private InvalidRosterException refusalOf(String yaml) {
        try {
            loader.load(yaml);
        } catch (InvalidRosterException e) {
            return e;
        }
        throw new AssertionError("expected the roster to be invalid");
    }

    private List<String> problemsOf(String yaml) {
        return refusalOf(yaml).problems().stream().map(RosterProblem::toString).toList();
    }

    @Test
    void validRosterBecomesTopicRecordsWithAncestors() {
        Roster roster = loader.load(roster(COUNTY + TOWNSHIP, PRINCIPAL + SUPERVISOR));

        Unit tianbao = roster.units().stream().filter(u -> u.getId().equals("twn-tianbao")).findFirst().orElseThrow();
        assertThat(tianbao.getAncestorIds()).containsExactly("demo-county");
        assertThat(tianbao.getKind()).isEqualTo(UnitKind.TOWNSHIP);
        // the county has a child (the township); the township has none in this roster
        assertThat(roster.units()).extracting(Unit::getId, Unit::getHasChildren)
                .contains(tuple("demo-county", true), tuple("twn-tianbao", false));
        assertThat(roster.jurisdiction().getSubmission()).isEqualTo("16:30:00");
        assertThat(roster.forms().get(0).getMetrics().get(1).getMax()).isNull();
    }

    /** The township with more fields. */
    private static String township(String fields) {
        return TOWNSHIP.replace("activeFrom: 2026-01-01}", "activeFrom: 2026-01-01, " + fields + "}");
    }

    @Test
    void aSuspensionMayCarryTheDayItStartsAndADateWithoutTheFlagSuspends() {
        for (String township : List.of(township("suspended: true, suspendedFrom: 2026-03-15"),
                township("suspendedFrom: 2026-03-15"))) {
            Unit tianbao = loader.load(roster(COUNTY + township, PRINCIPAL + SUPERVISOR)).units().get(1);
            assertThat(tianbao.getSuspended()).isTrue();
            assertThat(tianbao.getSuspendedFrom()).isEqualTo(LocalDate.parse("2026-03-15"));
        }
        assertThat(loader.load(roster(COUNTY + TOWNSHIP, PRINCIPAL + SUPERVISOR)).units().get(1).getSuspendedFrom())
                .isNull();
    }

    @Test
    void aSuspensionDateIsCheckedAndMustNotContradictTheFlag() {
        String badDate = township("suspendedFrom: 2026-02-30");
        String contradiction = township("suspended: false, suspendedFrom: 2026-03-15");

        assertThat(problemsOf(roster(COUNTY + badDate, PRINCIPAL + SUPERVISOR)))
                .singleElement().asString().startsWith("units[1].suspendedFrom: ");
        assertThat(problemsOf(roster(COUNTY + contradiction, PRINCIPAL + SUPERVISOR)))
                .containsExactly("units[1].suspendedFrom: contradicts suspended: false");
    }

    @Test
    void unknownParentIsNamedWithItsPath() {
        String units = COUNTY + TOWNSHIP
                + "  - {id: chk-a, name: 卡点, kind: CHECKPOINT, parent: x, activeFrom: 2026-01-01}\n";

        assertThat(problemsOf(roster(units, PRINCIPAL + SUPERVISOR))).containsExactly("units[2].parent: unknown unit 'x'");
    }

    @Test
    void duplicateIdsAreNamed() {
        assertThat(problemsOf(roster(COUNTY + TOWNSHIP + TOWNSHIP, PRINCIPAL + SUPERVISOR)))
                .contains("units[2].id: duplicate unit id 'twn-tianbao'");
        assertThat(problemsOf(roster(COUNTY + TOWNSHIP, PRINCIPAL + SUPERVISOR + SUPERVISOR)))
                .contains("users[2].id: duplicate user id 'u-dc-07'");
    }

    @Test
    void cyclesAreFound() {
        String units = "  - {id: a, name: A, kind: TOWNSHIP, parent: b, activeFrom: 2026-01-01}\n"
                + "  - {id: b, name: B, kind: TOWNSHIP, parent: a, activeFrom: 2026-01-01}\n";

        assertThat(problemsOf(roster(units, SUPERVISOR))).contains("units[0].parent: cycle: unit 'a' is its own ancestor");
    }

    @Test
    void unitFormAndPrincipalMustExistAndFit() {
        String units = COUNTY
                + "  - {id: twn-tianbao, name: 天保镇, kind: TOWNSHIP, parent: demo-county, form: nope, "
                + "principal: u-dc-07, activeFrom: 2026-01-01}\n";

        assertThat(problemsOf(roster(units, PRINCIPAL + SUPERVISOR))).contains(
                "units[1].form: unknown form 'nope'",
                "units[1].principal: 'u-dc-07' is not a PRINCIPAL of this unit");
    }

    @Test
    void badTimesHashesKindsAndChecksAreNamed() {
        String yaml = roster(COUNTY + TOWNSHIP, PRINCIPAL + SUPERVISOR)
                .replace("submission: \"16:30\"", "submission: \"4pm\"")
                .replace(HASH_B, "xyz")
                .replace("kind: COUNTY", "kind: CITY")
                .replace("temperature_checks >= persons_registered", "temperature_checks >= persons_seen");

        assertThat(problemsOf(yaml)).contains(
                "deadlines.submission: '4pm' is not a time HH:mm or HH:mm:ss",
                "users[1].tokenSha256: must be the 64 hex digits of a SHA-256",
                "forms[0].checks[0]: unknown metric 'persons_seen' in this form")
                .anyMatch(p -> p.startsWith("units[0].kind: 'CITY' is not one of"));
    }

    @Test
    void unknownYamlFieldIsNamedWithTheKnownFieldsAndNoJavaClass() {
        String yaml = roster(COUNTY + TOWNSHIP, PRINCIPAL + SUPERVISOR).replace("activeFrom: 2026-01-01}\n",
                "activeFrom: 2026-01-01, colour: red}\n");

        InvalidRosterException refused = refusalOf(yaml);

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("units[0].colour");
            assertThat(p.message().english()).isEqualTo("unknown field 'colour' (known fields: activeFrom, activeTo, "
                    + "form, id, kind, name, parent, principal, supervisors, suspended, suspendedFrom, targets)");
            assertThat(p.message().chinese()).startsWith("未知字段“colour”（可用字段：activeFrom, ");
        });
    }

    @Test
    void valueOfTheWrongKindIsNamedInTheRostersWordsNotJava() {
        String base = roster(COUNTY + TOWNSHIP, PRINCIPAL + SUPERVISOR);

        List<String> wrongKinds = List.of(
                problemsOf(base.replace("amendDays: 3", "amendDays: soon")).get(0),
                problemsOf(base.replace("supervisors: [u-dc-07]", "supervisors: u-dc-07")).get(0),
                problemsOf(base.replace("units:\n", "units:\n  - twn-xinjie\n")).get(0),
                problemsOf(base.replace("kind: COUNTY, activeFrom: 2026-01-01}",
                        "kind: COUNTY, activeFrom: 2026-01-01, suspended: maybe}")).get(0));

        assertThat(wrongKinds).containsExactly(
                "deadlines.amendDays: must be a whole number",
                "units[1].supervisors: must be a list",
                "units[0]: must be an entry of 'key: value' fields",
                "units[0].suspended: must be true or false");
    }

    @Test
    void unitWithoutIdButWithAPrincipalIsRefusedWithItsPathNotAnException() {
        String units = COUNTY + "  - {name: 天保镇, kind: TOWNSHIP, parent: demo-county, form: checkpoint-daily, "
                + "principal: u-tianbao-sj, activeFrom: 2026-01-01}\n";

        assertThat(problemsOf(roster(units, PRINCIPAL + SUPERVISOR))).containsExactlyInAnyOrder(
                "units[1].id: is required",
                "users[0].unit: unknown unit 'twn-tianbao'");
    }

    @Test
    void emptyListItemsAreRefusedWithTheirPathsNotAnExceptionNorDropped() {
        String units = COUNTY + TOWNSHIP.replace("supervisors: [u-dc-07]", "supervisors: [u-dc-07, ~]");
        String delegate = "  - {id: u-tianbao-fz, name: 赵六, role: DELEGATE, unit: twn-tianbao, tokenSha256: \""
                + "c".repeat(64) + "\", delegateDates: [2026-03-14, ~]}\n";
        String yaml = roster(units, PRINCIPAL + SUPERVISOR + delegate)
                .replace("checks: [\"temperature_checks >= persons_registered\"]", "checks: [~]")
                + "recipients:\n  bulletin:\n    - u-dc-07\n    -\n";

        assertThat(problemsOf(yaml)).containsExactlyInAnyOrder(
                "forms[0].checks[0]: is empty",
                "units[1].supervisors[1]: is empty",
                "users[2].delegateDates[1]: is empty",
                "recipients.bulletin[1]: is empty");
    }

    @Test
    void onlyTheUserItsUnitNamesAsPrincipalMayBeAPrincipal() {
        String second = "  - {id: u-tianbao-fsj, name: 钱七, role: PRINCIPAL, unit: twn-tianbao, tokenSha256: \""
                + "c".repeat(64) + "\"}\n";
        String ofTheCounty = "  - {id: u-county-sj, name: 孙八, role: PRINCIPAL, unit: demo-county, tokenSha256: \""
                + "d".repeat(64) + "\"}\n";

        InvalidRosterException refused = refusalOf(
                roster(COUNTY + TOWNSHIP, PRINCIPAL + SUPERVISOR + second + ofTheCounty));

        assertThat(refused.problems()).extracting(RosterProblem::toString).containsExactly(
                "users[2].role: unit 'twn-tianbao' names 'u-tianbao-sj' as its principal, so this user cannot be a "
                        + "PRINCIPAL (a CLERK or a DELEGATE can)",
                "users[3].role: unit 'demo-county' names no principal, so this user cannot be a PRINCIPAL");
        assertThat(refused.problems().get(0).message().chinese())
                .isEqualTo("单位“twn-tianbao”的主要负责人是“u-tianbao-sj”，本用户不能是 PRINCIPAL（可为 CLERK 或 DELEGATE）");
    }

    @Test
    void theSameUserAsADelegateOfTheUnitIsValid() {
        String delegate = "  - {id: u-tianbao-fsj, name: 钱七, role: DELEGATE, unit: twn-tianbao, tokenSha256: \""
                + "c".repeat(64) + "\", delegateDates: [2026-03-14]}\n";

        Roster roster = loader.load(roster(COUNTY + TOWNSHIP, PRINCIPAL + SUPERVISOR + delegate));

        assertThat(roster.users()).extracting(User::getId, User::getRole)
                .contains(tuple("u-tianbao-sj", Role.PRINCIPAL), tuple("u-tianbao-fsj", Role.DELEGATE));
    }

    @Test
    void demoRosterIsValidAndRealistic() {
        Roster roster = DemoRoster.roster();

        Map<UnitKind, Long> kinds = roster.units().stream()
                .collect(Collectors.groupingBy(Unit::getKind, Collectors.counting()));
        assertThat(kinds).containsEntry(UnitKind.TOWNSHIP, 12L).containsEntry(UnitKind.DEPARTMENT, 15L)
                .containsEntry(UnitKind.CHECKPOINT, 10L).containsEntry(UnitKind.PATROL, 6L)
                .containsEntry(UnitKind.SUPERVISION_TEAM, 12L);
        assertThat(roster.units()).extracting(Unit::getId).contains("twn-tianbao");
        // a unit has children when another names it its parent: the townships with checkpoints under them do
        assertThat(roster.units()).filteredOn(Unit::getHasChildren).extracting(Unit::getId)
                .contains("demo-county", "twn-tianbao");
        assertThat(roster.units()).filteredOn(u -> u.getKind() == UnitKind.CHECKPOINT)
                .allSatisfy(u -> assertThat(u.getHasChildren()).as(u.getId()).isFalse());
        assertThat(roster.jurisdiction().getOfficeUserIds()).contains("u-office-1");
        assertThat(roster.jurisdiction().getBulletinRecipientIds()).containsExactly("u-leader-1", "u-leader-2");
        assertThat(roster.users()).extracting(User::getRole).contains(Role.CLERK, Role.DELEGATE, Role.SUPERVISOR,
                Role.OFFICE, Role.DIRECTOR, Role.LEADER, Role.ADMIN);
    }

    @Test
    void everyDemoTokenHashesToItsUsersTokenSha256() {
        Map<String, User> users = DemoRoster.roster().users().stream()
                .collect(Collectors.toMap(User::getId, Function.identity()));
        Properties tokens = DemoRoster.tokens();

        assertThat(tokens.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(users.keySet());
        for (String userId : tokens.stringPropertyNames()) {
            String token = tokens.getProperty(userId);
            assertThat(token.length()).as("token of %s carries at least 128 bits", userId).isGreaterThanOrEqualTo(22);
            assertThat(TokenDigest.sha256Hex(token)).as(userId).isEqualTo(users.get(userId).getTokenSha256());
        }
    }

    @Test
    void emptyOrBrokenYamlIsRefused() {
        assertThatThrownBy(() -> loader.load("")).isInstanceOf(InvalidRosterException.class);
        assertThatThrownBy(() -> loader.load("units: [")).isInstanceOf(InvalidRosterException.class);
    }
}
