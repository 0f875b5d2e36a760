package io.ribao.bench.bulletin;

import io.ribao.bulletin.document.DraftInputs;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A plausible closed day for a roster, as the drafter receives it from the read models: most units on time, some
 * late, missing, unsigned or signed by a delegate, a few concealment alerts and supervision findings. Seeded, so
 * every run drafts the same day.
 */
public final class DayFixture {

    private DayFixture() {
    }

    public static DraftInputs of(Jurisdiction jurisdiction, List<Form> forms, List<Unit> units, LocalDate date) {
        Random random = new Random(20260314L);
        Map<String, Form> formById = new LinkedHashMap<>();
        forms.forEach(f -> formById.put(f.getId(), f));
        Map<String, String> metricNames = new LinkedHashMap<>();
        forms.forEach(f -> f.getMetrics().forEach(m -> metricNames.putIfAbsent(m.getCode(), m.getName())));

        List<DraftInputs.UnitEntry> entries = new ArrayList<>();
        List<DraftInputs.UnitDay> days = new ArrayList<>();
        List<DraftInputs.AlertEntry> alerts = new ArrayList<>();
        List<DraftInputs.FindingEntry> findings = new ArrayList<>();
        for (Unit unit : units) {
            entries.add(new DraftInputs.UnitEntry(unit.getId(), unit.getName(), unit.getKind().name(),
                    unit.getParentId()));
            Form form = unit.getFormId() == null ? null : formById.get(unit.getFormId());
            int dice = random.nextInt(100);
            String state = dice < 85 ? "ON_TIME" : dice < 90 ? "LATE" : dice < 95 ? "MISSING" : "PENDING_SIGNOFF";
            boolean signed = state.equals("ON_TIME") || state.equals("LATE");
            boolean zero = signed && random.nextInt(10) == 0;
            Map<String, Long> metrics = new LinkedHashMap<>();
            if (signed && form != null) {
                for (MetricDefinition metric : form.getMetrics()) {
                    long max = metric.getMax() == null ? 1000 : Math.min(metric.getMax(), 1000);
                    metrics.put(metric.getCode(), zero ? 0 : (long) random.nextInt((int) max + 1));
                }
            }
            String signer = signed ? (random.nextInt(20) == 0 ? "DELEGATE" : "PRINCIPAL") : null;
            days.add(new DraftInputs.UnitDay(unit.getId(), state, zero, metrics, signer,
                    signed ? unit.getPrincipalId() : null, state.equals("PENDING_SIGNOFF"), false));
            if (random.nextInt(200) == 0) {
                alerts.add(new DraftInputs.AlertEntry("CONCEALMENT_SUSPECTED", unit.getId(),
                        "reported fewer than its checkpoints", false));
            }
            if (random.nextInt(100) == 0) {
                findings.add(new DraftInputs.FindingEntry("f-" + unit.getId(), unit.getId(),
                        "registration book incomplete", date.plusDays(2), "OPEN", null));
            }
        }
        DraftInputs.Issuer issuer = new DraftInputs.Issuer(jurisdiction.getId(), jurisdiction.getName(),
                jurisdiction.getOffice(), List.of("County leadership"), List.of("Prefecture command office"));
        return new DraftInputs(issuer, date, 1, entries, days, Map.of(), Map.of(), metricNames, alerts, findings,
                "Next steps written by the office.");
    }
}
