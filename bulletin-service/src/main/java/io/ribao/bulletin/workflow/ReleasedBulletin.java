package io.ribao.bulletin.workflow;

import io.ribao.bulletin.document.BulletinContent;
import java.time.LocalDate;
import java.util.List;

/**
 * What release hands to delivery: the approved bulletin with its frozen content (issue number included) and the hash
 * the director approved, its recipients (the jurisdiction's bulletin recipients by user id) and the upstream channel
 * (the roster's {@code recipients.upstream} as JSON, null if none). No renderings: a channel that sends the document
 * renders it from the content when it sends (decision 426).
 */
public record ReleasedBulletin(
        String bulletinId,
        String jurisdictionId,
        LocalDate day,
        int version,
        int issueNo,
        String title,
        String contentSha256,
        List<String> recipientUserIds,
        String upstreamChannelJson,
        BulletinContent content) {

    public ReleasedBulletin {
        recipientUserIds = List.copyOf(recipientUserIds);
    }
}
