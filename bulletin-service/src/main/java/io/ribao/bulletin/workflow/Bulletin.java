package io.ribao.bulletin.workflow;

import io.ribao.bulletin.document.BulletinContent;
import io.ribao.schemas.bulletin.BulletinState;
import java.time.Instant;
import java.time.LocalDate;

/** One version of a jurisdiction's bulletin for a day, with where it is in the workflow and who moved it. */
public record Bulletin(
        String id,
        String jurisdictionId,
        LocalDate day,
        int version,
        Integer issueNo,
        BulletinState state,
        BulletinContent content,
        String contentSha256,
        Instant draftedAt,
        String draftedBy,
        Instant approvedAt,
        String approvedBy,
        Instant releasedAt,
        String releasedBy) {

    /** Ids are readable and stable: {@code <jurisdiction>-<date>-v<version>}. */
    public static String idOf(String jurisdictionId, LocalDate day, int version) {
        return jurisdictionId + "-" + day + "-v" + version;
    }

    public String narrative() {
        return content.narrative();
    }
}
