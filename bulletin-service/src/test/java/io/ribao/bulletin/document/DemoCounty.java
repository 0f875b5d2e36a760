package io.ribao.bulletin.document;

import io.ribao.bulletin.document.DraftInputs.AlertEntry;
import io.ribao.bulletin.document.DraftInputs.FindingEntry;
import io.ribao.bulletin.document.DraftInputs.Issuer;
import io.ribao.bulletin.document.DraftInputs.UnitDay;
import io.ribao.bulletin.document.DraftInputs.UnitEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo county's day, shaped like the demo roster (12 townships, 15 departments, 10 checkpoints, 6 patrol teams,
 * a supervision team per township): two units missing, one late, one unsigned, one signed by a delegate, one zero
 * report and one unit suspected of concealment.
 */
final class DemoCounty {

    static final LocalDate DAY = LocalDate.of(2026, 3, 14);
    static final List<String> TOWNSHIPS = List.of("天保镇", "董干镇", "田蓬镇", "木央镇", "都龙镇", "麻栗镇",
            "八布乡", "杨万乡", "猛硐乡", "南捞乡", "铁厂乡", "龙塘乡");
    static final List<String> DEPARTMENTS = List.of("卫健局", "公安局", "教体局", "市场监管局", "交通运输局", "商务局",
            "住建局", "工信局", "文广旅局", "民政局", "财政局", "海关", "边境管理大队", "疾控中心", "融媒体中心");
    static final String MISSING_TOWNSHIP = "田蓬镇";
    static final String MISSING_DEPARTMENT = "商务局";
    static final String LATE_TOWNSHIP = "董干镇";
    static final String UNSIGNED_CHECKPOINT = "卡点3";
    static final String DELEGATE_TOWNSHIP = "木央镇";
    static final String CONCEALING_TOWNSHIP = "都龙镇";

    private DemoCounty() {
    }

    static DraftInputs inputs(String narrative) {
        List<UnitEntry> units = new ArrayList<>();
        List<UnitDay> statuses = new ArrayList<>();
        for (int i = 0; i < TOWNSHIPS.size(); i++) {
            String id = "twn-" + i;
            String name = TOWNSHIPS.get(i);
            units.add(new UnitEntry(id, name, "TOWNSHIP", "demo-county"));
            statuses.add(township(id, name, i));
        }
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            String id = "dep-" + i;
            String name = DEPARTMENTS.get(i);
            units.add(new UnitEntry(id, name, "DEPARTMENT", "demo-county"));
            boolean missing = name.equals(MISSING_DEPARTMENT);
            statuses.add(new UnitDay(id, missing ? "MISSING" : "ON_TIME", !missing && i % 5 == 4,
                    missing ? Map.of() : Map.of("key_persons_screened", (long) (i % 5 == 4 ? 0 : 10 + i)),
                    missing ? null : "PRINCIPAL", missing ? null : "u-" + id, false, false));
        }
        for (int i = 1; i <= 10; i++) {
            String id = "chk-" + i;
            String name = "卡点" + i;
            units.add(new UnitEntry(id, name, "CHECKPOINT", "twn-" + (i % 4)));
            boolean unsigned = name.equals(UNSIGNED_CHECKPOINT);
            statuses.add(new UnitDay(id, unsigned ? "PENDING_SIGNOFF" : "ON_TIME", false,
                    Map.of("persons_registered", 300L + i, "temperature_checks", 300L + i, "persons_isolated", 1L),
                    unsigned ? null : "PRINCIPAL", unsigned ? null : "u-" + id, unsigned, false));
        }
        for (int i = 1; i <= 6; i++) {
            String id = "pat-" + i;
            units.add(new UnitEntry(id, "边境巡逻" + i + "队", "PATROL", "twn-" + (i % 4)));
            statuses.add(new UnitDay(id, "ON_TIME", false, Map.of("patrols_run", 4L, "crossings_stopped", 0L),
                    "PRINCIPAL", "u-" + id, false, false));
        }
        for (int i = 0; i < TOWNSHIPS.size(); i++) {
            String id = "sup-" + i;
            units.add(new UnitEntry(id, "第" + (i + 1) + "督查组", "SUPERVISION_TEAM", "demo-county"));
            statuses.add(new UnitDay(id, "ON_TIME", false, Map.of("inspections", 3L), "PRINCIPAL", "u-" + id,
                    false, false));
        }
        Map<String, String> metricNames = new LinkedHashMap<>();
        metricNames.put("persons_registered", "实名登记人数");
        metricNames.put("temperature_checks", "体温检测人数");
        metricNames.put("persons_isolated", "转运隔离人数");
        metricNames.put("key_persons_screened", "重点人员排查数");
        metricNames.put("centralized_isolation", "集中隔离人数");
        metricNames.put("vaccine_doses", "疫苗接种剂次");
        metricNames.put("patrols_run", "巡逻次数");
        metricNames.put("crossings_stopped", "劝返非法越境人数");
        metricNames.put("inspections", "督查次数");

        Map<String, Long> today = new LinkedHashMap<>();
        today.put("persons_registered", 3055L);
        today.put("centralized_isolation", 120L);
        today.put("vaccine_doses", 8400L);
        Map<String, Long> yesterday = Map.of("persons_registered", 2990L, "centralized_isolation", 125L);

        List<AlertEntry> alerts = List.of(
                new AlertEntry("CONCEALMENT_SUSPECTED", "twn-4", "集中隔离人数少于所辖卡点转运隔离人数", false),
                new AlertEntry("MISSING", "twn-2", "未报", false));
        List<FindingEntry> findings = List.of(
                new FindingEntry("f-1", "twn-0", "卡点实名登记不全", DAY.plusDays(2), "OPEN", null),
                new FindingEntry("f-2", "twn-5", "隔离点值守人员脱岗", DAY.minusDays(1), "RECTIFIED", "已补充值守人员"));
        Issuer issuer = new Issuer("demo-county", "示例县", "县疫情防控指挥部办公室", List.of("县委书记", "县长"),
                List.of("州疫情防控指挥部"));
        return new DraftInputs(issuer, DAY, 1, units, statuses, today, yesterday, metricNames, alerts, findings,
                narrative);
    }

    static BulletinContent content(String narrative) {
        return new BulletinDrafter().draft(inputs(narrative));
    }

    private static UnitDay township(String id, String name, int i) {
        Map<String, Long> metrics = Map.of("centralized_isolation", 10L, "vaccine_doses", 700L,
                "key_persons_screened", 5L + i);
        if (name.equals(MISSING_TOWNSHIP)) {
            return new UnitDay(id, "MISSING", false, Map.of(), null, null, false, false);
        }
        if (name.equals(LATE_TOWNSHIP)) {
            return new UnitDay(id, "LATE", false, metrics, "PRINCIPAL", "u-" + id, false, false);
        }
        if (name.equals(DELEGATE_TOWNSHIP)) {
            return new UnitDay(id, "ON_TIME", false, metrics, "DELEGATE", "u-dep-" + id, false, false);
        }
        if (i == 11) {
            Map<String, Long> zeros = Map.of("centralized_isolation", 0L, "vaccine_doses", 0L,
                    "key_persons_screened", 0L);
            return new UnitDay(id, "ON_TIME", true, zeros, "PRINCIPAL", "u-" + id, false, false);
        }
        return new UnitDay(id, "ON_TIME", false, metrics, "PRINCIPAL", "u-" + id, false, false);
    }
}
