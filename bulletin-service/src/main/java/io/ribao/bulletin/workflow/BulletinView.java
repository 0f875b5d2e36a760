package io.ribao.bulletin.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.ribao.bulletin.core.Instants;
import io.ribao.bulletin.document.JsonRenderer;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON for a bulletin: the summary fields, and for one bulletin every section and the receipts too;
 * instants in the bulletin's jurisdiction's wall-clock time.
 */
final class BulletinView {

    private BulletinView() {
    }

    static Map<String, Object> summary(Bulletin b, String title, String draftSha256, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("jurisdictionId", b.jurisdictionId());
        m.put("date", b.day().toString());
        m.put("version", b.version());
        m.put("issueNo", b.issueNo());
        m.put("state", b.state().name());
        m.put("title", title);
        m.put("contentSha256", b.contentSha256());
        // a draft's content as read now: send it back as If-Match to approve only what was reviewed (decision 431)
        m.put("draftSha256", draftSha256);
        m.put("draftedAt", Instants.iso(b.draftedAt(), zone));
        m.put("draftedBy", b.draftedBy());
        m.put("approvedAt", Instants.iso(b.approvedAt(), zone));
        m.put("approvedBy", b.approvedBy());
        m.put("releasedAt", Instants.iso(b.releasedAt(), zone));
        m.put("releasedBy", b.releasedBy());
        return m;
    }

    static Map<String, Object> full(Bulletin b, String title, String draftSha256, ZoneId zone, JsonRenderer json,
                                    List<BulletinReceipt> receipts) {
        Map<String, Object> m = summary(b, title, draftSha256, zone);
        JsonNode content = json.tree(b.content());
        for (String section : List.of("jurisdictionName", "office", "overview", "keyFigures", "unitTables",
                "findings", "notices", "narrative", "reportTo", "sendTo")) {
            m.put(section, content.get(section));
        }
        m.put("receipts", receipts.stream().map(r -> {
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("recipient", r.recipient());
            receipt.put("channel", r.channel());
            receipt.put("queuedAt", Instants.iso(r.queuedAt(), zone));
            receipt.put("deliveredAt", Instants.iso(r.deliveredAt(), zone));
            receipt.put("readAt", Instants.iso(r.readAt(), zone));
            return receipt;
        }).toList());
        return m;
    }
}
