package io.ribao.bulletin.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * What release hands to delivery: the approved bulletin, its recipients (the jurisdiction's bulletin recipients by
 * user id) and the upstream channel (the roster's {@code recipients.upstream} as JSON, null if none), with the
 * renderings a channel may attach or link.
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
        String contentJson,
        String html,
        byte[] pdf) {

    public ReleasedBulletin {
        recipientUserIds = List.copyOf(recipientUserIds);
    }
}
