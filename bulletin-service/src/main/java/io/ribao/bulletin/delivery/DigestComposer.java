package io.ribao.bulletin.delivery;

import io.ribao.schemas.alert.AlertType;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/** Turns the due notices of one recipient, day and deadline into one message (the digest). */
public final class DigestComposer {

    private final ResourceBundle labels = ResourceBundle.getBundle("i18n.delivery");

    public Message compose(String recipientId, List<DeliveryDao.DueNotice> notices) {
        DeliveryDao.DueNotice first = notices.get(0);
        LocalDate day = first.day();
        DigestSlot slot = DigestSlot.of(AlertType.valueOf(first.type()));
        String titleKey = notices.stream().anyMatch(n -> n.reason().equals("ESCALATION"))
                ? "digest.title.escalation"
                : notices.stream().allMatch(n -> n.reason().equals("REPEAT")) ? "digest.title.repeat"
                : "digest.title";
        String title = MessageFormat.format(labels.getString(titleKey), day.toString(), slotLabel(slot, first),
                String.valueOf(notices.size()));

        StringBuilder text = new StringBuilder(title).append('\n');
        StringBuilder markdown = new StringBuilder();
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (DeliveryDao.DueNotice n : notices) {
            String typeLabel = labels.getString("type." + n.type());
            text.append(MessageFormat.format(labels.getString("digest.line"), n.unitName(), typeLabel, n.message()))
                    .append('\n');
            // one line per alert: a robot message too long is cut at whole lines, counted as alerts left out
            markdown.append(MessageFormat.format(labels.getString("markdown.line"), n.unitName(), typeLabel,
                    n.message()).replaceAll("\\R", " ")).append('\n');
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("alertId", n.alertId());
            a.put("type", n.type());
            a.put("severity", n.severity());
            a.put("unitId", n.unitId());
            a.put("unitName", n.unitName());
            a.put("date", n.day().toString());
            a.put("message", n.message());
            a.put("reason", n.reason());
            a.put("round", n.round());
            alerts.add(a);
        }
        text.append(labels.getString("digest.footer"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "ALERT_DIGEST");
        payload.put("recipientId", recipientId);
        payload.put("date", day.toString());
        payload.put("deadline", slot.name());
        payload.put("title", title);
        payload.put("alerts", alerts);
        return new Message("ALERT_DIGEST", title, text.toString(), markdown.toString(), payload);
    }

    /** "17:00 报送截止": the deadline's label, after the jurisdiction's own time of it when there is one (decision 440). */
    private String slotLabel(DigestSlot slot, DeliveryDao.DueNotice notice) {
        String label = labels.getString("slot." + slot.name().toLowerCase());
        String time = switch (slot) {
            case SUBMISSION -> notice.submissionTime();
            case BULLETIN -> notice.bulletinTime();
            default -> null;
        };
        try {
            return time == null || time.isBlank() ? label : wallClock(time) + " " + label;
        } catch (DateTimeParseException e) {
            return label; // the roster checks its times; without one the label still says which deadline
        }
    }

    /** "17:00" for 17:00:00, the seconds only when there are some. */
    private static String wallClock(String time) {
        LocalTime t = LocalTime.parse(time);
        return t.format(DateTimeFormatter.ofPattern(t.getSecond() == 0 ? "HH:mm" : "HH:mm:ss"));
    }
}
