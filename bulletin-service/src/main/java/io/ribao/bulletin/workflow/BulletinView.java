package io.ribao.bulletin.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.ribao.bulletin.document.JsonRenderer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's JSON for a bulletin: the summary fields, and for one bulletin every section and the receipts too. */
final class BulletinView {

    private BulletinView() {
    }

    static Map<String, Object> summary(Bulletin b, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("jurisdictionId", b.jurisdictionId());
        m.put("date", b.day().toString());
        m.put("version", b.version());
        m.put("issueNo", b.issueNo());
        m.put("state", b.state().name());
        m.put("title", title);
        m.put("contentSha256", b.contentSha256());
        m.put("draftedAt", instant(b.draftedAt()));
        m.put("draftedBy", b.draftedBy());
        m.put("approvedAt", instant(b.approvedAt()));
        m.put("approvedBy", b.approvedBy());
        m.put("releasedAt", instant(b.releasedAt()));
        m.put("releasedBy", b.releasedBy());
        return m;
    }

    static Map<String, Object> full(Bulletin b, String title, JsonRenderer json, List<BulletinReceipt> receipts) {
        Map<String, Object> m = summary(b, title);
        JsonNode content = json.tree(b.content());
        for (String section : List.of("jurisdictionName", "office", "overview", "keyFigures", "unitTables",
                "findings", "notices", "narrative", "reportTo", "sendTo")) {
            m.put(section, content.get(section));
        }
        m.put("receipts", receipts.stream().map(r -> {
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("recipient", r.recipient());
            receipt.put("channel", r.channel());
            receipt.put("queuedAt", instant(r.queuedAt()));
            receipt.put("deliveredAt", instant(r.deliveredAt()));
            receipt.put("readAt", instant(r.readAt()));
            return receipt;
        }).toList());
        return m;
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
