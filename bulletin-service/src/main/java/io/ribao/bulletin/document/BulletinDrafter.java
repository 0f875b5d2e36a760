package io.ribao.bulletin.document;

import io.ribao.bulletin.document.DraftInputs.AlertEntry;
import io.ribao.bulletin.document.DraftInputs.FindingEntry;
import io.ribao.bulletin.document.DraftInputs.UnitDay;
import io.ribao.bulletin.document.DraftInputs.UnitEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Turns one day's read-model data into the bulletin's content. Pure: same inputs, same content. */
public final class BulletinDrafter {

    /** Table order: townships first, as the leadership reads them, then the other kinds. */
    static final List<String> KIND_ORDER = List.of(
            "TOWNSHIP", "VILLAGE", "CHECKPOINT", "PATROL", "DEPARTMENT", "SUPERVISION_TEAM", "COUNTY");

    public BulletinContent draft(DraftInputs in) {
        Map<String, UnitEntry> units = new HashMap<>();
        Map<String, Integer> rosterOrder = new HashMap<>();
        for (UnitEntry u : in.units()) {
            units.put(u.unitId(), u);
            rosterOrder.put(u.unitId(), rosterOrder.size());
        }
        List<UnitDay> statuses = new ArrayList<>(in.statuses());
        statuses.sort(Comparator.comparing((UnitDay s) -> kindRank(units.get(s.unitId())))
                .thenComparing(s -> rosterOrder.getOrDefault(s.unitId(), Integer.MAX_VALUE))
                .thenComparing(UnitDay::unitId));

        return new BulletinContent(
                in.issuer().jurisdictionId(),
                in.issuer().jurisdictionName(),
                in.issuer().office(),
                in.date(),
                in.version(),
                null,
                overview(statuses),
                keyFigures(in, statuses),
                unitTables(in, units, statuses),
                findings(in, units),
                notices(in, units, statuses),
                in.narrative(),
                in.issuer().reportTo(),
                in.issuer().sendTo());
    }

    private static Overview overview(List<UnitDay> statuses) {
        return Overview.of(
                statuses.size(),
                count(statuses, s -> "ON_TIME".equals(s.state())),
                count(statuses, s -> "LATE".equals(s.state())),
                count(statuses, s -> "MISSING".equals(s.state())),
                count(statuses, s -> "EXPECTED".equals(s.state()) || "PENDING_SIGNOFF".equals(s.state())),
                count(statuses, BulletinDrafter::isUnsigned),
                count(statuses, s -> s.zeroReport() && isSigned(s)),
                count(statuses, s -> "DELEGATE".equals(s.signer()) && isSigned(s)));
    }

    private static List<KeyFigure> keyFigures(DraftInputs in, List<UnitDay> statuses) {
        Map<String, Long> today = in.todayTotals().isEmpty() ? sumOfSigned(statuses) : in.todayTotals();
        List<KeyFigure> figures = new ArrayList<>();
        for (String code : metricOrder(in.metricNames(), today.keySet())) {
            figures.add(KeyFigure.of(code, in.metricNames().getOrDefault(code, code), today.get(code),
                    in.yesterdayTotals().get(code)));
        }
        return figures;
    }

    /** Without a roll-up (an early on-demand draft) the totals are summed from the signed reports themselves. */
    private static Map<String, Long> sumOfSigned(List<UnitDay> statuses) {
        Map<String, Long> sums = new HashMap<>();
        statuses.stream().filter(BulletinDrafter::isSigned)
                .forEach(s -> s.metrics().forEach((code, value) -> sums.merge(code, value, Long::sum)));
        return sums;
    }

    private static List<UnitTable> unitTables(DraftInputs in, Map<String, UnitEntry> units, List<UnitDay> statuses) {
        Map<String, List<UnitDay>> byKind = new LinkedHashMap<>();
        for (UnitDay s : statuses) {
            UnitEntry unit = units.get(s.unitId());
            byKind.computeIfAbsent(unit == null ? "UNKNOWN" : unit.kind(), k -> new ArrayList<>()).add(s);
        }
        List<UnitTable> tables = new ArrayList<>();
        byKind.forEach((kind, rows) -> {
            Set<String> codes = new LinkedHashSet<>();
            rows.forEach(r -> codes.addAll(r.metrics().keySet()));
            List<UnitTable.Column> columns = metricOrder(in.metricNames(), codes).stream()
                    .map(code -> new UnitTable.Column(code, in.metricNames().getOrDefault(code, code)))
                    .toList();
            List<UnitRow> unitRows = rows.stream()
                    .map(r -> new UnitRow(r.unitId(), nameOf(units, r.unitId()), r.state(),
                            isSigned(r) ? r.signer() : null, r.zeroReport(), r.metrics()))
                    .toList();
            tables.add(new UnitTable(kind, columns, unitRows));
        });
        return tables;
    }

    private static List<FindingLine> findings(DraftInputs in, Map<String, UnitEntry> units) {
        return in.findings().stream()
                .sorted(Comparator.comparing(FindingEntry::unitId).thenComparing(FindingEntry::findingId))
                .map(f -> new FindingLine(f.findingId(), f.unitId(), nameOf(units, f.unitId()), f.problem(),
                        f.dueDate(), f.status(), f.rectification()))
                .toList();
    }

    private static Notices notices(DraftInputs in, Map<String, UnitEntry> units, List<UnitDay> statuses) {
        List<NamedUnit> concealment = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        in.alerts().stream()
                .filter(a -> "CONCEALMENT_SUSPECTED".equals(a.type()) && !a.resolved())
                .sorted(Comparator.comparing(AlertEntry::unitId))
                .filter(a -> seen.add(a.unitId() + "\n" + a.message()))
                .forEach(a -> concealment.add(new NamedUnit(a.unitId(), nameOf(units, a.unitId()), a.message())));
        return new Notices(
                named(units, statuses, s -> "LATE".equals(s.state())),
                named(units, statuses, s -> "MISSING".equals(s.state())),
                named(units, statuses, BulletinDrafter::isUnsigned),
                named(units, statuses, s -> "DELEGATE".equals(s.signer()) && isSigned(s)),
                concealment,
                named(units, in.previousDayAfterCutoff(), s -> true));
    }

    private static List<NamedUnit> named(Map<String, UnitEntry> units, List<UnitDay> statuses,
                                         Predicate<UnitDay> which) {
        return statuses.stream().filter(which)
                .map(s -> new NamedUnit(s.unitId(), nameOf(units, s.unitId()), null))
                .toList();
    }

    private static boolean isSigned(UnitDay s) {
        return "ON_TIME".equals(s.state()) || "LATE".equals(s.state());
    }

    /** A draft left unsigned (pending, or missing because nobody signed it) is named: sign-off is personal. */
    private static boolean isUnsigned(UnitDay s) {
        return s.unsigned() || "PENDING_SIGNOFF".equals(s.state());
    }

    private static int count(List<UnitDay> statuses, Predicate<UnitDay> which) {
        return (int) statuses.stream().filter(which).count();
    }

    /** Metric codes in the roster's display order, then any unnamed codes alphabetically. */
    private static List<String> metricOrder(Map<String, String> names, Set<String> present) {
        List<String> order = new ArrayList<>();
        names.keySet().stream().filter(present::contains).forEach(order::add);
        present.stream().filter(code -> !names.containsKey(code)).sorted().forEach(order::add);
        return order;
    }

    private static String nameOf(Map<String, UnitEntry> units, String unitId) {
        UnitEntry unit = units.get(unitId);
        return unit == null ? unitId : unit.name();
    }

    private static int kindRank(UnitEntry unit) {
        int rank = unit == null ? -1 : KIND_ORDER.indexOf(unit.kind());
        return rank < 0 ? KIND_ORDER.size() : rank;
    }
}
